import { QueryClientProvider } from '@tanstack/react-query'
import { startTransition, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import './i18n'
import './app/app.css'
import { App } from './app/App'
import { preloadPublicPage } from './app/routes'
import { session } from './api/session'
import { makeQueryClient } from './app/queryClient'

const queryClient = makeQueryClient()

const root = createRoot(document.getElementById('root')!)

// A transition renders in slices that yield to the browser between them, rather than in one long
// task a phone could not answer a tap during.
function render() {
  startTransition(() =>
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </StrictMode>,
    ),
  )
}

// A resident's page comes with the app (the server has its chunks on their way already), so wait
// for it rather than flash "Loading"; if it cannot be fetched, the app renders and says so.
void preloadPublicPage(location.pathname, session.token() !== null)
  .catch(() => undefined)
  .then(render)
