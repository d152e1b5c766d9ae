export { complianceSubgraph } from './server.js';
// What the benchmarks drive directly (bench/): the engine, the outbox and its dispatcher.
export { runComplianceCheck, type EngineDeps } from './engine/run-check.js';
export { runDueChecks } from './engine/catch-up.js';
export { loadMeasures } from './data/measures.repo.js';
export { queueLetters, type QueuedLetter } from './data/outbox.repo.js';
export { dispatchDue } from './mail/dispatcher.js';
export { createSmtpMailer } from './mail/mailer.js';
