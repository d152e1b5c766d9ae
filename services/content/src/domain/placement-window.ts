export interface WindowState {
  windowFrom?: Date | null;
  windowUntil?: Date | null;
  withdrawnAt?: Date | null;
}

/** Is it still worth placing the material now? Not after its window closed or after a withdrawal. */
export function windowOpen(material: WindowState, now: Date): boolean {
  if (material.withdrawnAt && material.withdrawnAt <= now) return false;
  if (material.windowUntil && material.windowUntil <= now) return false;
  return true;
}
