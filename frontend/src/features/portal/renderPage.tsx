import type { ReactElement } from 'react'
import { Route, Routes } from 'react-router'
import { renderWithProviders } from '../../test/render'

/** Renders a portal page at `path` under its route pattern, with a stand-in for every other page. */
export function renderPage(pattern: string, page: ReactElement, path: string) {
  return renderWithProviders(
    <Routes>
      <Route path={pattern} element={page} />
      <Route path="*" element={<p>another page</p>} />
    </Routes>,
    { path },
  )
}

/** The page has exactly one level-one heading. */
export function h1Count(): number {
  return document.querySelectorAll('h1').length
}
