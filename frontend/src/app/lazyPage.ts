import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import i18n from '../i18n'

type Module<Props> = { default: ComponentType<Props> }

/** A lazy page that can also be fetched ahead of its first render. */
export type LazyPage<Props extends object = object> = LazyExoticComponent<ComponentType<Props>> & {
  preload: () => Promise<void>
}

/**
 * A lazy page whose code and strings (its feature's namespace) are fetched together, so it
 * renders in one step. src/app/routeStrings.test.ts holds each route's namespace to the ones its
 * components use.
 *
 * `preload()` fetches both before the page is first rendered. React then finds it loaded (the
 * lazy loader hands over a thenable that resolves at once) and shows it without a fallback,
 * instead of committing "Loading" first and holding the page back for its 300 ms reveal throttle.
 */
export function lazyPage<Props extends object>(namespace: string, load: () => Promise<Module<Props>>): LazyPage<Props> {
  let loaded: Module<Props> | undefined
  let loading: Promise<Module<Props>> | undefined
  const fetchPage = () =>
    (loading ??= Promise.all([load(), i18n.loadNamespaces(namespace)]).then(([module]) => (loaded = module)))
  const resolvedAtOnce = (module: Module<Props>) => ({ then: (resolve: (value: Module<Props>) => void) => resolve(module) })
  const page = lazy(() => (loaded ? (resolvedAtOnce(loaded) as unknown as Promise<Module<Props>>) : fetchPage()))
  return Object.assign(page, { preload: () => fetchPage().then(() => undefined) })
}
