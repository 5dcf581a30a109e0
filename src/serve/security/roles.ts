/**
 * Roles, from least to most: a viewer reads (with personal data partly masked), an analyst also
 * works cases, gives feedback and runs scans, an admin also manages users and configuration.
 */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a route requires: `public` routes need no session (sign-in, setup, health, the UI's files). */
export type Access = 'public' | Role;

const RANK: Record<Role, number> = { viewer: 1, analyst: 2, admin: 3 };

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

export function allows(have: Role, need: Role): boolean {
  return RANK[have] >= RANK[need];
}
