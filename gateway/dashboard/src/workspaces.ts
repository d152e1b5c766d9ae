/** Which workspace a role gets for an address, and which others it may switch to (docs/DESIGN.md, "Workspaces"). */
import type { Route, View } from './route.js';

export type Workspace = 'operator' | 'head' | View;

const ALLOWED: Record<View, readonly string[]> = {
  dashboard: ['ANALYST', 'ADMIN', 'EDITOR'],
  materials: ['EDITOR', 'ADMIN'],
  admin: ['ADMIN'],
};

export const VIEW_LABELS: Record<View, string> = {
  dashboard: 'Мониторинг',
  materials: 'Материалы',
  admin: 'Администрирование',
};

/** The role's own front page: where it lands from the sign-in link or the bare address. */
function frontPageOf(role: string): View {
  return role === 'EDITOR' ? 'materials' : 'dashboard';
}

/**
 * The workspace for a role at an address. An officer and a head always get their organization's
 * page (the address may name one below it); a letter's link to an organization or a report opens
 * the dashboard for the region-wide roles; a named workspace the role may not use is its own.
 */
export function workspaceFor(role: string, hasOrganization: boolean, route: Route): Workspace {
  if (role === 'OPERATOR' && hasOrganization) return 'operator';
  if (role === 'HEAD' && hasOrganization) return 'head';
  if (route.organizationId || route.week || route.month) return 'dashboard';
  if (route.view && ALLOWED[route.view].includes(role)) return route.view;
  return frontPageOf(role);
}

/** The workspaces a role switches between (none when it has one), its front page first. */
export function switchableViews(role: string): View[] {
  const views = (Object.keys(ALLOWED) as View[]).filter((view) => ALLOWED[view].includes(role));
  if (views.length < 2) return [];
  const front = frontPageOf(role);
  return [front, ...views.filter((v) => v !== front)];
}

/** Where closing something returns to: the bare address when it is the role's front page. */
export const homeOf = (role: string, view: View): View | null => (frontPageOf(role) === view ? null : view);
