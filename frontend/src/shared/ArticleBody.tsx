import { lazy, Suspense } from 'react'

// The Markdown renderer is a chunk of its own: only pages that show an article body load it.
const MarkdownView = lazy(() => import('./MarkdownView'))

type Props = {
  markdown: string
  lang?: string
  /** The level of the article's title: the body's "##" sections come one level below it. */
  headingLevel?: 1 | 2 | 3 | 4 | 5
  className?: string
}

/** An article's body: its Markdown rendered safely (no HTML from the body reaches the page). */
export function ArticleBody({ markdown, lang, headingLevel = 1, className = 'article-body' }: Props) {
  return (
    <div className={className} lang={lang}>
      <Suspense fallback={<p aria-busy="true" />}>
        <MarkdownView markdown={markdown} headingLevel={headingLevel} />
      </Suspense>
    </div>
  )
}
