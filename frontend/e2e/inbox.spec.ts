import { expect, test, type APIRequestContext } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import inboxEn from '../src/features/inbox/locales/en.json' with { type: 'json' }
import { sendMail } from './smtp'
import { apiAs, expectAccessible, getJson, signIn, STRINGS, watchPage } from './support'

type InboxItem = { case_id: string; reference: string; summary: string; unread: number }
type Conversation = { in_inbox: boolean; case: { type: string; request_ids: string[] } }
type ServiceRequest = { id: string; service_code: string; channel: string; reporter: { email: string | null }; location: { address: string | null } }

const s = { ...STRINGS.en, inbox: inboxEn }

function smtpPort(): number {
  const port = Number(process.env.E2E_SMTP_PORT)
  if (!port) throw new Error('E2E_SMTP_PORT is not set: run the e2e tests with scripts/e2e.sh')
  return port
}

/** The emails the worker wrote to `to`, oldest first, with their headers. */
function mailTo(to: string): string[] {
  const folder = process.env.E2E_MAIL_DIR
  if (!folder) throw new Error('E2E_MAIL_DIR is not set: run the e2e tests with scripts/e2e.sh')
  return readdirSync(folder)
    .filter((file) => file.endsWith('.eml'))
    .sort()
    .map((file) => readFileSync(join(folder, file), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '='))
    .filter((message) => new RegExp(`^To: .*${to.replace(/[.]/g, '\\.')}`, 'mi').test(message))
}

/** A header's value, unfolded (a long one may start on the next line). */
const header = (message: string, name: string) =>
  (new RegExp(`^${name}:(.*(?:\\r?\\n[ \\t].*)*)`, 'mi').exec(message)?.[1] ?? '').replace(/\r?\n[ \t]+/g, ' ').trim()

async function waitingCase(api: APIRequestContext, summary: string): Promise<InboxItem> {
  let found: InboxItem | undefined
  await expect
    .poll(async () => {
      found = (await getJson<{ items: InboxItem[] }>(api, '/api/v1/inbox?limit=100')).items.find((item) => item.summary === summary)
      return found !== undefined
    }, { message: `the email "${summary}" reaches the Inbox` })
    .toBe(true)
  return found!
}

/**
 * Issue 15's acceptance: a resident's email arrives over SMTP; an agent opens the Inbox, replies
 * (the email they get threads back: In-Reply-To and References name theirs, the subject carries
 * the case number) and turns the email into a service request, prefilled from its text.
 */
test('an agent answers an email from the Inbox and turns it into a service request', async ({ page, baseURL }) => {
  const stamp = Date.now()
  const resident = `ines.${stamp}@example.net`
  const messageId = `${stamp}.pothole@mail.example.net`
  const subject = `Pothole at 101 N Holliday St (${stamp})`
  await sendMail(smtpPort(), {
    from: resident,
    fromName: 'Ines Ortega',
    to: '311@frontdoor.example.org',
    subject,
    messageId,
    body: 'Hello,\nthere is a deep pothole in front of 101 N Holliday St, in the right lane.\nThanks',
  })
  const api = await apiAs(baseURL!, 'agent@example.org')
  const waiting = await waitingCase(api, subject)
  expect(waiting.unread).toBe(1)

  const watch = watchPage(page)
  await signIn(page, 'agent@example.org', 'en')
  const nav = page.getByRole('navigation', { name: s.common.nav.label })
  await nav.getByRole('link', { name: new RegExp(`^${s.common.nav.inbox}`) }).click()
  await expect(page.getByRole('heading', { level: 1, name: s.inbox.title })).toBeVisible()
  const link = page.getByRole('link', { name: subject })
  await expect(link).toBeVisible()
  await expectAccessible(page, 'the Inbox')
  await link.focus()
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible()
  await expect(page.getByRole('list', { name: s.inbox.conversation.messages })).toContainText('deep pothole in front of 101 N Holliday St')
  await expectAccessible(page, 'a conversation')

  // R: reply from a template, in the thread.
  await page.keyboard.press('r')
  await page.getByLabel(s.inbox.reply.template).selectOption({ label: 'We are on it' })
  await expect(page.getByLabel(s.inbox.reply.body)).toHaveValue(new RegExp(waiting.reference))
  await page.getByRole('button', { name: s.inbox.reply.send }).click()
  await expect(page.getByText(s.inbox.done.replied)).toBeVisible()
  // The acknowledgement went out on arrival (Auto-Submitted: auto-replied); the agent's reply
  // says it was written by a person (Auto-Submitted: no).
  const replies = () => mailTo(resident).filter((message) => header(message, 'Auto-Submitted') === 'no')
  await expect.poll(() => replies().length, { message: 'the worker sends the reply', timeout: 30_000 }).toBe(1)
  const [reply] = replies()
  expect(header(reply!, 'In-Reply-To')).toBe(`<${messageId}>`)
  expect(header(reply!, 'References')).toContain(`<${messageId}>`)
  expect(header(reply!, 'Subject')).toContain(`[311 #${waiting.reference}]`)

  // T: the request form is prefilled from the email.
  await page.keyboard.press('t')
  const service = page.getByLabel(s.inbox.request.service, { exact: true })
  await expect(service).toHaveValue('trm-pothole-repair')
  await expect(page.getByTestId('inbox-picked-address')).toContainText('101 N HOLLIDAY ST')
  await page.getByLabel(/How big is the pothole/).selectOption({ index: 1 })
  await page.getByRole('button', { name: s.inbox.request.submit }).click()
  const opened = page.getByRole('status').getByRole('link')
  await expect(opened).toBeVisible()
  const requestId = (await opened.textContent())!.trim()

  const request = await getJson<ServiceRequest>(api, `/api/v1/requests/${requestId}`)
  expect([request.service_code, request.channel, request.reporter.email]).toEqual(['trm-pothole-repair', 'email', resident])
  expect(request.location.address).toContain('HOLLIDAY')
  const conversation = await getJson<Conversation>(api, `/api/v1/inbox/${waiting.case_id}`)
  expect([conversation.in_inbox, conversation.case.type, conversation.case.request_ids]).toEqual([false, 'service_request', [requestId]])
  const left = (await getJson<{ items: InboxItem[] }>(api, '/api/v1/inbox?limit=100')).items
  expect(left.map((item) => item.case_id)).not.toContain(waiting.case_id)

  // Esc goes back to the queue.
  await page.keyboard.press('Escape')
  await expect(page.getByRole('heading', { level: 1, name: s.inbox.title })).toBeVisible()
  watch.expectClean()
  await api.dispose()
})
