import { useState } from 'preact/hooks';
import { useQuery } from '../connection';
import { formatDateTime, formatRate } from '../format';
import { PLATFORM_LABELS } from '../labels';
import { useMutation } from '../mutation';
import { DECIDE_MATCH, OPERATOR_SUGGESTIONS } from './queries';
import { Problem } from '../components/Problem';

/**
 * What the hub found on the organization's pages and is not sure of: a post that may place a
 * material (a suggestion, decision null). The officer says yes — it counts as a placement — or no.
 */
export function Suggestions({ organizationId }: { organizationId: string }) {
  const found = useQuery(OPERATOR_SUGGESTIONS, { organizationId });
  const mutate = useMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const suggestions = (found.data?.organization?.pages ?? []).flatMap((page) =>
    (page.posts?.edges ?? []).flatMap(({ node: post }) =>
      post.matches.filter((m) => m.decision === null).map((match) => ({ page, post, match })),
    ),
  );
  if (suggestions.length === 0 && !problem) return null;
  const decide = async (postId: string, materialId: string, confirmed: boolean) =>
    setProblem((await mutate(DECIDE_MATCH, { postId, materialId, confirmed })).problem);

  return (
    <section class="section" id="suggestions">
      <h2>Найдено на ваших страницах</h2>
      <p class="muted">Хаб нашёл посты, похожие на материалы. Подтвердите, если это размещение, — оно засчитается.</p>
      <Problem text={problem} />
      <ul class="plain-list">
        {suggestions.map(({ page, post, match }) => (
          <li key={`${post.id}-${match.material.id}`} data-post-id={post.id}>
            <p>
              <a href={post.url}>Пост в {PLATFORM_LABELS[page.platform]}</a> от {formatDateTime(post.publishedAt)} похож на материал «
              {match.material.title}» (совпадение {formatRate(match.score)})
            </p>
            {post.text && <p class="muted suggestion-text">{post.text.length > 280 ? `${post.text.slice(0, 280)}…` : post.text}</p>}
            <div class="material-actions">
              <button type="button" onClick={() => decide(post.id, match.material.id, true)}>
                Да, это размещение
              </button>
              <button type="button" class="button-secondary" onClick={() => decide(post.id, match.material.id, false)}>
                Нет
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
