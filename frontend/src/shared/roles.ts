import type { Me } from './useMe'

/** The i18n key (common namespace) of a person's role as people say it: a manager is no "staff". */
export function roleKey(me: Pick<Me, 'role' | 'tier'>): string {
  return me.role === 'staff' && me.tier === 'manager' ? 'roles.manager' : `roles.${me.role}`
}
