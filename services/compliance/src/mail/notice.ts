import Handlebars from 'handlebars';

export interface NoticeTable {
  /** A line above the table, saying what it lists. */
  title?: string;
  columns: string[];
  rows: (string | number)[][];
}

/** A plain notice (reminder, summary): heading, paragraphs, tables (empty ones are left out), a list, a footer. */
export interface Notice {
  heading: string;
  paragraphs: string[];
  tables?: NoticeTable[];
  listTitle?: string;
  list?: string[];
  /** A button after the paragraphs (and its address, written out, in the text part). */
  action?: { label: string; url: string };
  footer: string;
}

const html = Handlebars.compile(`<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>{{heading}}</title></head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933;">
<div style="max-width:720px;margin:0 auto;background:#ffffff;border:1px solid #d9dde3;padding:24px;">
  <h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;">{{heading}}</h1>
  {{#each paragraphs}}<p style="margin:0 0 12px;font-size:14px;">{{this}}</p>{{/each}}
  {{#if action}}<p style="margin:16px 0;"><a href="{{action.url}}" style="display:inline-block;padding:10px 18px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-size:15px;">{{action.label}}</a></p>
  <p style="margin:0 0 12px;font-size:12px;color:#52606d;word-break:break-all;">{{action.url}}</p>{{/if}}
  {{#each tables}}
  {{#if title}}<p style="margin:16px 0 4px;font-size:14px;font-weight:bold;">{{title}}</p>{{/if}}
  <table role="presentation" cellpadding="6" cellspacing="0" style="border-collapse:collapse;width:100%;font-size:14px;margin-bottom:12px;">
    <thead><tr style="background:#eef1f5;text-align:left;">{{#each columns}}<th style="border-bottom:1px solid #c7ccd4;">{{this}}</th>{{/each}}</tr></thead>
    <tbody>{{#each rows}}<tr>{{#each this}}<td style="border-bottom:1px solid #e4e7eb;">{{this}}</td>{{/each}}</tr>{{/each}}</tbody>
  </table>
  {{/each}}
  {{#if list.length}}<p style="margin:16px 0 4px;font-size:14px;">{{listTitle}}</p>
  <ul style="margin:0 0 16px;padding-left:20px;font-size:14px;">{{#each list}}<li>{{this}}</li>{{/each}}</ul>{{/if}}
  <p style="margin:16px 0 0;font-size:13px;color:#52606d;">{{footer}}</p>
</div></body></html>`);

const text = Handlebars.compile(
  `{{heading}}

{{#each paragraphs}}{{this}}

{{/each}}{{#if action}}{{action.label}}: {{action.url}}

{{/if}}{{#each tables}}{{#if title}}{{title}}
{{/if}}{{#each rows}}- {{#each this}}{{this}}{{#unless @last}} | {{/unless}}{{/each}}
{{/each}}
{{/each}}{{#if list.length}}{{listTitle}}
{{#each list}}  {{this}}
{{/each}}
{{/if}}{{footer}}
`,
  { noEscape: true },
);

export function renderNotice(notice: Notice): { html: string; text: string } {
  const shown = { ...notice, tables: (notice.tables ?? []).filter((t) => t.rows.length) };
  return { html: html(shown), text: text(shown) };
}
