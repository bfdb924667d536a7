/** The article's Markdown shown as plain paragraphs (no HTML is interpreted). */
export function ArticleBody({ markdown, lang }: { markdown: string; lang?: string }) {
  const paragraphs = markdown.split(/\n\s*\n/).map((text) => text.trim()).filter(Boolean)
  return (
    <div className="article-body" lang={lang}>
      {paragraphs.map((text, index) => (
        <p key={index}>{text}</p>
      ))}
    </div>
  )
}
