import { render, screen } from '@testing-library/react'
import { ArticleBody } from './ArticleBody'

const PICKUP = [
  'Large items are picked up **by appointment**.',
  '',
  '## Schedule a pickup',
  '1. Call 311 at least two days ahead.',
  '2. Put the items out the night before.',
  '',
  'See [the city calendar](https://example.org/calendar).',
].join('\n')

const HOSTILE = [
  '<script>window.hacked = "script"</script>',
  '',
  'Before <img src="x" onerror="window.hacked = \'img\'"> after.',
  '',
  '[click me](javascript:window.hacked=1) and [shout](JaVaScRiPt:alert(1)) and [data](data:text/html,<b>x</b>)',
  '',
  '<a href="javascript:alert(1)" onclick="window.hacked = 2">raw link</a> <iframe src="https://evil.example"></iframe>',
  '',
  '![tracking pixel](https://tracker.example/p.png) [a real link](https://example.org)',
].join('\n')

declare global {
  interface Window {
    hacked?: unknown
  }
}

describe('ArticleBody', () => {
  beforeAll(async () => {
    await import('./MarkdownView') // the lazy chunk, transformed once before the timed finds
  })

  it('renders Markdown: sections, lists, emphasis and links, no literal "##"', async () => {
    const { container } = render(<ArticleBody markdown={PICKUP} lang="en" />)
    expect(await screen.findByRole('heading', { level: 2, name: 'Schedule a pickup' })).toBeInTheDocument()
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Call 311 at least two days ahead.', 'Put the items out the night before.'])
    expect(screen.getByText('by appointment').tagName).toBe('STRONG')
    expect(screen.getByRole('link', { name: 'the city calendar' })).toHaveAttribute('href', 'https://example.org/calendar')
    expect(container.textContent).not.toContain('##')
    expect(container.querySelector('.article-body')).toHaveAttribute('lang', 'en')
  })

  it('puts the sections one level below the title it sits under', async () => {
    render(<ArticleBody markdown={'# Title in the body\n\n## Schedule a pickup\n\n### Holidays'} headingLevel={3} />)
    expect(await screen.findByRole('heading', { level: 4, name: 'Schedule a pickup' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 4, name: 'Title in the body' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 5, name: 'Holidays' })).toBeInTheDocument()
  })

  it('runs and renders nothing from hostile HTML, scripts or javascript: links', async () => {
    window.hacked = undefined
    const { container } = render(<ArticleBody markdown={HOSTILE} />)
    await screen.findByRole('link', { name: 'a real link' })
    for (const tag of ['script', 'img', 'iframe', 'b']) expect(container.querySelector(tag)).toBeNull()
    for (const element of container.querySelectorAll('*')) {
      expect(element.getAttributeNames().filter((name) => name.startsWith('on'))).toEqual([])
    }
    expect(screen.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['https://example.org'])
    expect(screen.getByText('click me').closest('a')).toBeNull()
    expect(screen.getByText('tracking pixel')).toBeInTheDocument()
    expect(container.textContent).not.toMatch(/<script|onerror|<iframe/)
    screen.getByText('raw link').click()
    expect(window.hacked).toBeUndefined()
  })
})
