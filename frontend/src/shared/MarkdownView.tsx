import type { ReactNode } from 'react'
import Markdown, { defaultUrlTransform, type Components } from 'react-markdown'

type Level = 1 | 2 | 3 | 4 | 5 | 6
type Props = { markdown: string; headingLevel: Level }

/**
 * An article's Markdown as React elements, loaded on demand (see ArticleBody). Safe whatever the
 * body holds: raw HTML is dropped (`skipHtml`), never parsed; a link keeps its address only for
 * http(s), mailto, irc and xmpp (react-markdown's default transform), else it is plain text;
 * images show their description and load nothing. Headings start below the article's title.
 */
export default function MarkdownView({ markdown, headingLevel }: Props) {
  return (
    <Markdown skipHtml urlTransform={defaultUrlTransform} components={componentsBelow(headingLevel)}>
      {markdown}
    </Markdown>
  )
}

const byLevel = new Map<Level, Components>()

/** The same components for a level on every render, so React keeps the rendered elements. */
function componentsBelow(titleLevel: Level): Components {
  if (!byLevel.has(titleLevel)) byLevel.set(titleLevel, components(titleLevel))
  return byLevel.get(titleLevel)!
}

function components(titleLevel: Level): Components {
  const heading = (level: number) => {
    const Tag = `h${Math.min(6, level + titleLevel - 1)}` as 'h2'
    return ({ children }: { children?: ReactNode }) => <Tag>{children}</Tag>
  }
  return {
    h1: heading(2),
    h2: heading(2),
    h3: heading(3),
    h4: heading(4),
    h5: heading(5),
    h6: heading(6),
    a: ({ href, children }) =>
      href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      ) : (
        <span>{children}</span>
      ),
    img: ({ alt }) => (alt ? <span>{alt}</span> : null),
  }
}
