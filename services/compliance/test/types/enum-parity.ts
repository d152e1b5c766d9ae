// Compiled by `npm run typecheck`, never run. The domain keeps its own enumerations (the entities'
// database enums, the shared vocabulary, the ladder's roles) because it needs their values at run
// time; this holds each of them to the SDL enum it mirrors, value for value, both ways.
import type { ComplianceStatusCode, OrganizationKind, PeriodKind, Role, RuleCode, SeverityCode } from '@hub/common';
import type { Severity } from '../../src/domain/applicability.js';
import type { ComplianceStatus } from '../../src/domain/evaluate.js';
import type { JobInfo } from '@hub/common';
import type { RecipientRole } from '../../src/domain/ladder.js';
import type { ComplianceRun, RunTrigger } from '../../src/entities/compliance-run.entity.js';
import type { NotificationRow } from '../../src/data/notifications.repo.js';
import type * as Sdl from '../../src/generated/graphql.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const enumParity: [
  Same<Sdl.RuleCode, RuleCode>,
  Same<Sdl.OrganizationKind, OrganizationKind>,
  Same<Sdl.Severity, Severity>,
  Same<Sdl.Severity, SeverityCode>,
  Same<Sdl.PeriodKind, PeriodKind>,
  Same<Sdl.ComplianceStatus, ComplianceStatus>,
  Same<Sdl.ComplianceStatus, ComplianceStatusCode>,
  Same<Sdl.RunTrigger, RunTrigger>,
  Same<Sdl.RunStatus, ComplianceRun['status']>,
  Same<Sdl.RecipientRole, RecipientRole>,
  Same<Sdl.JobRunStatus, NonNullable<JobInfo['lastRunStatus']>>,
  Same<Sdl.NotificationStatus, NotificationRow['status']>,
  Same<Sdl.Role, Role>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true];
