import type { Me } from '../shared/useMe'
import { AppRoutes } from './AppRoutes'
import { AppShell } from './AppShell'

/** The signed-in staff's app: its own chunk, loaded only after sign-in. */
export default function StaffApp({ me }: { me: Me }) {
  return (
    <AppShell me={me}>
      <AppRoutes viewer={me} />
    </AppShell>
  )
}
