/**
 * A search snippet: the API escapes the text and wraps hits in <mark>. It is parsed, never
 * injected, so only text and <mark> reach the page whatever the snippet holds.
 */
export function snippetParts(html: string): { text: string; hit: boolean }[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html')
  return Array.from(doc.body.childNodes).map((node) => ({
    text: node.textContent ?? '',
    hit: node.nodeName === 'MARK',
  }))
}

export function Snippet({ html }: { html: string }) {
  return (
    <p className="snippet">
      {snippetParts(html).map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </p>
  )
}
