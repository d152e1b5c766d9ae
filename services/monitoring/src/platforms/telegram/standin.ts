/**
 * The stand-in's Telegram: the public web pages the adapter reads, rendered from the given pages
 * in Telegram's markup. t.me/s/<channel> lists 20 messages a page, oldest first, `?before=<id>`
 * for older ones with a "load more" link while there are; a page without a preview (PRIVATE: a
 * group) or an unknown name redirects t.me/s/<name> to t.me/<name>, which shows the group's
 * title or the "contact @name" page of a free name; t.me/<channel>/<id>?embed=1 shows one
 * message or "Post not found".
 *
 * As Telegram has it: views abbreviated ("15.3K"), reactions for likes (one 👍 with the count),
 * no forwards or comments shown, no pinned mark in the list. Where the stand-in's model says more
 * than a message can hold: every attached link gets a link preview (Telegram shows one), and a
 * repost's own text comes before the forwarded text (Telegram forwards carry only the original's).
 */
import type { StandInAnswer, StandInPage, StandInPlatform, StandInPost } from '../../standin/pages.js';

/** Messages on one page of the preview. */
export const TELEGRAM_PAGE_SIZE = 20;

export const telegramStandIn: StandInPlatform = (request, pages) => {
  if (request.method !== 'GET') return null;
  const segments = request.url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeURIComponent);
  const channels = pages.filter((page) => page.platform === 'TELEGRAM');
  const find = (name: string) =>
    channels.find((page) => page.handle.toLowerCase() === name.toLowerCase() || page.platformPageId === name.toLowerCase());
  const [first, second, third] = segments;
  if (first === 's' && second !== undefined && third === undefined) {
    const page = find(second);
    if (page?.status !== 'OK') return redirect(`/${second}`);
    return html(channelPreview(page, beforeParam(request.url)));
  }
  if (first !== undefined && second === undefined) {
    const page = find(first);
    return html(page?.status === 'PRIVATE' ? groupPage(page) : freeNamePage(first));
  }
  if (
    first !== undefined &&
    second !== undefined &&
    /^\d+$/u.test(second) &&
    third === undefined &&
    request.url.searchParams.get('embed') === '1'
  ) {
    const page = find(first);
    const post = page?.status === 'OK' ? page.posts.find((p) => p.id === second) : undefined;
    return html(page && post ? embedPage(page, post) : embedError());
  }
  return null;
};

function beforeParam(url: URL): number | null {
  const before = url.searchParams.get('before');
  return before !== null && /^\d+$/u.test(before) ? Number(before) : null;
}

function channelPreview(page: StandInPage, before: number | null): string {
  const older = [...page.posts].filter((post) => before === null || Number(post.id) < before).sort((a, b) => Number(b.id) - Number(a.id));
  const shown = older.slice(0, TELEGRAM_PAGE_SIZE).reverse();
  const oldestShown = shown[0]?.id;
  const more = older.length > shown.length && oldestShown !== undefined ? `/s/${page.handle}?before=${oldestShown}` : null;
  const history =
    shown.length === 0
      ? '<div class="tme_no_messages_found">No posts found</div>'
      : shown.map((post) => `<div class="tgme_widget_message_wrap js-widget_message_wrap">${message(page, post)}</div>`).join('\n');
  return `<!DOCTYPE html>
<html>
  <head>
    <meta charset="utf-8">
    <title>${escape(page.title)} – Telegram</title>
    <meta property="og:title" content="${escape(page.title)}">
    <meta property="og:site_name" content="Telegram">
    <link rel="canonical" href="https://t.me/s/${page.handle}"/>
    ${more === null ? '' : `<link rel="prev" href="${more}">`}
    <link href="//telegram.org/css/widget-frame.css?66" rel="stylesheet" media="screen">
    <link href="//telegram.org/css/telegram-web.css?40" rel="stylesheet" media="screen">
  </head>
  <body class="widget_frame_base emoji_image nodark">
    <main class="tgme_main">
      <div class="tgme_container">
        <section class="tgme_right_column">
          <div class="tgme_channel_info">
            <div class="tgme_channel_info_header">
              <i class="tgme_page_photo_image bgcolor2" data-content="${escape(page.title.slice(0, 1))}"></i>
              <div class="tgme_channel_info_header_title"><span dir="auto">${escape(page.title)}</span></div>
              <div class="tgme_channel_info_header_username"><a href="https://t.me/${page.handle}">@${page.handle}</a></div>
            </div>
            <div class="tgme_channel_info_counters">
              <div class="tgme_channel_info_counter"><span class="counter_value">${countText(page.posts.length * 37)}</span> <span class="counter_type">subscribers</span></div>
            </div>
          </div>
        </section>
        <section class="tgme_channel_history js-message_history">
          ${more === null ? '' : `<div class="tgme_widget_message_centered js-messages_more_wrap"><a href="${more}" class="tme_messages_more js-messages_more" data-before="${oldestShown}"></a></div>`}
          ${history}
        </section>
      </div>
    </main>
  </body>
</html>
`;
}

function message(page: StandInPage, post: StandInPost): string {
  const postUrl = `https://t.me/${page.handle}/${post.id}`;
  const text = post.repostOf ? [post.text, post.repostOf.text].filter((part) => part !== '').join('\n\n') : post.text;
  const links = [...post.links, ...(post.repostOf?.links ?? [])];
  return `<div class="tgme_widget_message text_not_supported_wrap js-widget_message" data-post="${page.handle}/${post.id}" data-view="">
  <div class="tgme_widget_message_user"><a href="https://t.me/${page.handle}"><i class="tgme_widget_message_user_photo bgcolor2" data-content="${escape(page.title.slice(0, 1))}"></i></a></div>
  <div class="tgme_widget_message_bubble">
    ${post.repostOf ? '<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from <span class="tgme_widget_message_forwarded_from_name">Правительство Хабаровского края</span></div>' : ''}
    <div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name" href="https://t.me/${page.handle}"><span dir="auto">${escape(page.title)}</span></a></div>
    ${photos(post, postUrl)}
    ${text === '' ? '' : `<div class="tgme_widget_message_text js-message_text" dir="auto">${richText(text)}</div>`}
    ${links.map(linkPreview).join('\n    ')}
    ${post.likes > 0 ? `<div class="tgme_widget_message_reactions js-message_reactions"><span class="tgme_reaction"><i class="emoji" style="background-image:url('//telegram.org/img/emoji/40/F09F918D.png')"><b>👍</b></i>${countText(post.likes)}</span></div>` : ''}
    <div class="tgme_widget_message_footer compact js-message_footer">
      <div class="tgme_widget_message_info short js-message_info">
        <span class="tgme_widget_message_views">${countText(post.views)}</span><span class="copyonly"> views</span><span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="${postUrl}"><time datetime="${telegramTime(post.publishedAt)}" class="time">${hhmm(post.publishedAt)}</time></a></span>
      </div>
    </div>
  </div>
</div>`;
}

/** One photo as a plain photo_wrap, several as an album (`grouped_wrap`), each a background image. */
function photos(post: StandInPost, postUrl: string): string {
  if (post.images.length === 0) return '';
  const wrap = (url: string, extra: string) =>
    `<a class="tgme_widget_message_photo_wrap${extra}" href="${postUrl}${post.images.length > 1 ? '?single' : ''}" style="width:800px;background-image:url('${escape(url)}')"><div class="tgme_widget_message_photo" style="padding-top:56.25%"></div></a>`;
  if (post.images.length === 1) return wrap(post.images[0] ?? '', ' blured js-message_photo');
  const layer = post.images.map((url) => wrap(url, ' grouped_media_wrap blured js-message_photo')).join('');
  return `<div class="tgme_widget_message_grouped_wrap js-message_grouped_wrap" style="width:453px;"><div class="tgme_widget_message_grouped js-message_grouped"><div class="tgme_widget_message_grouped_layer js-message_grouped_layer">${layer}</div></div></div>`;
}

function linkPreview(url: string): string {
  const host = URL.canParse(url) ? new URL(url).hostname : url;
  return `<a class="tgme_widget_message_link_preview" href="${escape(url)}"><div class="link_preview_site_name accent_color" dir="auto">${escape(host)}</div><div class="link_preview_title" dir="auto">${escape(host)}</div></a>`;
}

/** Telegram links every URL in a message's text and breaks its lines with `<br/>`. */
function richText(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)])/u)
    .map((part, i) => (i % 2 === 1 ? `<a href="${escape(part)}" target="_blank" rel="noopener">${escape(part)}</a>` : escape(part)))
    .join('')
    .replace(/\n/gu, '<br/>');
}

function embedPage(page: StandInPage, post: StandInPost): string {
  return `<!DOCTYPE html>
<html>
  <head>
    <meta charset="utf-8">
    <title>Telegram Widget</title>
    <link href="//telegram.org/css/widget-frame.css?66" rel="stylesheet" media="screen">
  </head>
  <body class="body_widget_post emoji_image nodark">
    <div class="tgme_widget_message_wrap js-widget_message_wrap date_visible">${message(page, post)}</div>
  </body>
</html>
`;
}

function embedError(): string {
  return `<!DOCTYPE html>
<html>
  <head><meta charset="utf-8"><title>Telegram Widget</title></head>
  <body class="body_widget_post emoji_image nodark">
    <div class="tgme_widget_message_wrap js-widget_message_wrap">
      <div class="tgme_widget_message js-widget_message">
        <div class="tgme_widget_message_bubble"><div class="tgme_widget_message_error">Post not found</div></div>
      </div>
    </div>
  </body>
</html>
`;
}

/** t.me/<name> of a group: its title and members, and no "Preview channel" link. */
function groupPage(page: StandInPage): string {
  return namePage(
    escape(page.title),
    `<div class="tgme_page_photo"><img class="tgme_page_photo_image" src="https://cdn4.telesco.pe/file/group.jpg"></div>
<div class="tgme_page_title"><span dir="auto">${escape(page.title)}</span></div>
<div class="tgme_page_extra">1 204 members, 31 online</div>
<div class="tgme_page_action"><a class="tgme_action_button_new shine" href="tg://resolve?domain=${page.handle}">View in Telegram</a></div>`,
  );
}

/** t.me/<name> of a name nobody holds. */
function freeNamePage(name: string): string {
  return namePage(
    `Telegram: Contact @${escape(name)}`,
    `<div class="tgme_page_icon"><i class="tgme_icon_user"></i></div>
<div class="tgme_page_description" dir="auto">If you have <strong>Telegram</strong>, you can contact <a class="tgme_username_link" href="tg://resolve?domain=${escape(name)}">@${escape(name)}</a> right away.</div>
<div class="tgme_page_action"><a class="tgme_action_button_new shine" href="tg://resolve?domain=${escape(name)}">Send Message</a></div>`,
  );
}

function namePage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html>
  <head><meta charset="utf-8"><title>${title}</title><meta property="og:title" content="${title}"></head>
  <body class="no_transition">
    <div class="tgme_page_wrap"><div class="tgme_body_wrap"><div class="tgme_page">
${body}
    </div></div></div>
  </body>
</html>
`;
}

/** "987", "1.23K", "15.3K", "105K", "1.2M": three significant digits, cut rather than rounded. */
export function countText(count: number): string {
  if (count < 1000) return String(count);
  const [scale, unit] = count < 1e6 ? [1e3, 'K'] : [1e6, 'M'];
  const decimals = Math.max(0, 3 - String(Math.floor(count / scale)).length);
  const cut = Math.floor((count * 10 ** decimals) / scale) / 10 ** decimals;
  return `${cut}${unit}`;
}

/** `2026-12-07T01:15:00+00:00`, the form of the preview's `time[datetime]` (whole seconds). */
function telegramTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/u, '+00:00');
}

function hhmm(date: Date): string {
  return date.toISOString().slice(11, 16);
}

function escape(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;').replace(/'/gu, '&#39;');
}

function html(body: string): StandInAnswer {
  return { status: 200, contentType: 'text/html; charset=utf-8', body };
}

/** t.me answers a name without a preview with 302 to t.me/<name> (the Location is not needed here). */
function redirect(location: string): StandInAnswer {
  return {
    status: 302,
    contentType: 'text/html; charset=utf-8',
    body: `<html><body>Redirecting to <a href="${escape(location)}">${escape(location)}</a></body></html>`,
  };
}
