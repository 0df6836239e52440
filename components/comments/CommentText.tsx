import type { Person } from '../../lib/comments/schema';
import { commentTokens } from '../../lib/comments/tokens';

/**
 * A comment's text, rendered as text: runs of plain text as text nodes, safe http(s)/mailto links
 * (lib/comments/tokens.ts) as links that open apart from the frame, mentions marked. Never HTML:
 * nothing here sets innerHTML, so a `<script>` in a comment is those characters on the screen.
 */
export function CommentText({ text, collaborators }: { text: string; collaborators: readonly Person[] }) {
  return (
    <p className="comment-text">
      {commentTokens(text, collaborators).map((token, index) => {
        const key = `${index}-${token.kind}`;
        if (token.kind === 'link')
          return (
            <a key={key} href={token.href} target="_blank" rel="noopener noreferrer nofollow ugc">
              {token.label}
            </a>
          );
        if (token.kind === 'mention')
          return (
            <strong key={key} className="mention">
              {token.label}
            </strong>
          );
        return <span key={key}>{token.text}</span>;
      })}
    </p>
  );
}
