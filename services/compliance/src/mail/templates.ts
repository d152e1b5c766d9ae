import Handlebars from 'handlebars';

/**
 * Letter templates (Handlebars: HTML-escaped by default). Inline styles and a single table:
 * that is what renders the same in webmail, Outlook and phones.
 */
const html = `<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933;">
<div style="max-width:720px;margin:0 auto;background:#ffffff;border:1px solid #d9dde3;padding:24px;">
  <h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;">{{heading}}</h1>
  {{#each resolved}}
  <p style="margin:0 0 8px;font-size:14px;color:#1e6b3a;">✓ <a href="{{historyUrl}}" style="color:#1e6b3a;">{{organizationName}}</a> — {{text}}</p>
  {{/each}}
  {{#each sections}}
  <h2 style="margin:20px 0 4px;font-size:16px;">{{title}}{{#if periodText}} · {{periodText}}{{/if}}</h2>
  <p style="margin:0 0 12px;font-size:14px;"><strong>{{normLabel}}</strong>: {{normText}}</p>
  <table role="presentation" cellpadding="6" cellspacing="0" style="border-collapse:collapse;width:100%;font-size:14px;">
    <thead><tr style="background:#eef1f5;text-align:left;">
      <th style="border-bottom:1px solid #c7ccd4;">Организация</th>
      <th style="border-bottom:1px solid #c7ccd4;text-align:right;">{{columns.actual}}</th>
      <th style="border-bottom:1px solid #c7ccd4;text-align:right;">{{columns.required}}</th>
      <th style="border-bottom:1px solid #c7ccd4;text-align:right;">{{columns.streak}}</th>
      {{#if manyPeriods}}<th style="border-bottom:1px solid #c7ccd4;">Пропущено</th>{{/if}}
    </tr></thead>
    <tbody>
    {{#each rows}}
      <tr>
        <td style="border-bottom:1px solid #e4e7eb;"><a href="{{historyUrl}}" style="color:#1f5fbf;">{{organizationName}}</a>{{#if toldCur}}<br><span style="color:#b42318;font-size:12px;">→ сообщено в ЦУР</span>{{/if}}</td>
        <td style="border-bottom:1px solid #e4e7eb;text-align:right;">{{actual}}</td>
        <td style="border-bottom:1px solid #e4e7eb;text-align:right;">{{required}}</td>
        <td style="border-bottom:1px solid #e4e7eb;text-align:right;">{{consecutiveMisses}}</td>
        {{#if ../manyPeriods}}<td style="border-bottom:1px solid #e4e7eb;font-size:12px;">{{missedPeriods}}</td>{{/if}}
      </tr>
    {{/each}}
    {{#if moreRows}}<tr><td colspan="{{#if manyPeriods}}5{{else}}4{{/if}}" style="font-size:13px;color:#52606d;">{{moreRows}}</td></tr>{{/if}}
    </tbody>
  </table>
  {{#if action}}<p style="margin:12px 0 4px;font-size:14px;"><strong>Что сделать:</strong> {{action}}</p>{{/if}}
  <p style="margin:4px 0 0;font-size:13px;"><a href="{{reportUrl}}" style="color:#1f5fbf;">Отчёт за период</a></p>
  {{/each}}
  {{#if disproved}}
  <p style="margin:16px 0 4px;font-size:14px;">{{disproved.title}}:</p>
  <ul style="margin:0 0 16px;padding-left:20px;font-size:14px;">
    {{#each disproved.placements}}<li>{{#if organizationName}}{{organizationName}}: {{/if}}{{#if title}}«{{title}}»: {{/if}}<a href="{{url}}" style="color:#1f5fbf;">{{url}}</a><br><span style="color:#52606d;">{{reason}}</span></li>{{/each}}
    {{#if disproved.more}}<li>{{disproved.more}}</li>{{/if}}
  </ul>
  {{/if}}
  {{#if silentPages}}
  <p style="margin:16px 0 4px;font-size:14px;">{{silentPages.title}}:</p>
  <ul style="margin:0 0 16px;padding-left:20px;font-size:14px;">
    {{#each silentPages.pages}}<li>{{#if organizationName}}{{organizationName}}: {{/if}}<a href="{{url}}" style="color:#1f5fbf;">{{address}}</a> ({{since}})</li>{{/each}}
    {{#if silentPages.more}}<li>{{silentPages.more}}</li>{{/if}}
  </ul>
  {{/if}}
  {{#if openMaterials.length}}
  <p style="margin:16px 0 4px;font-size:14px;">Открытые материалы подборки контент-центра:</p>
  <ul style="margin:0 0 16px;padding-left:20px;font-size:14px;">
    {{#each openMaterials}}<li>«{{title}}»</li>{{/each}}
  </ul>
  {{/if}}
  <p style="margin:16px 0 0;font-size:13px;color:#52606d;">История и подробности: <a href="{{historyUrl}}" style="color:#1f5fbf;">{{historyUrl}}</a>{{#if questions}}<br>
  Вопросы: комитет по информационной политике и массовым коммуникациям{{#if committeeEmail}}, <a href="mailto:{{committeeEmail}}" style="color:#1f5fbf;">{{committeeEmail}}</a>{{/if}}.{{/if}}</p>
</div>
</body></html>`;

const text = `{{heading}}
{{#each resolved}}
✓ {{organizationName}} — {{text}}
{{/each}}
{{#each sections}}

{{title}}{{#if periodText}} · {{periodText}}{{/if}}
{{normLabel}}: {{normText}}

{{#each rows}}
- {{organizationName}}: {{../columns.actual}} {{actual}}, {{../columns.required}} {{required}}, {{../columns.streak}} {{consecutiveMisses}}{{#if toldCur}} → сообщено в ЦУР{{/if}}
{{#if ../manyPeriods}}  Пропущено: {{missedPeriods}}
{{/if}}
  {{historyUrl}}
{{/each}}
{{#if moreRows}}
{{moreRows}}
{{/if}}
{{#if action}}
Что сделать: {{action}}
{{/if}}
Отчёт за период: {{reportUrl}}
{{/each}}
{{#if disproved}}

{{disproved.title}}:
{{#each disproved.placements}}  {{#if organizationName}}{{organizationName}}: {{/if}}{{#if title}}«{{title}}»: {{/if}}{{reason}}
{{/each}}{{#if disproved.more}}  {{disproved.more}}
{{/if}}{{/if}}
{{#if silentPages}}

{{silentPages.title}}:
{{#each silentPages.pages}}  {{#if organizationName}}{{organizationName}}: {{/if}}{{address}} ({{since}})
{{/each}}{{#if silentPages.more}}  {{silentPages.more}}
{{/if}}{{/if}}
{{#if openMaterials.length}}

Открытые материалы подборки контент-центра:
{{#each openMaterials}}  «{{title}}»
{{/each}}{{/if}}

История и подробности: {{historyUrl}}
{{#if questions}}Вопросы: комитет по информационной политике и массовым коммуникациям{{#if committeeEmail}}, {{committeeEmail}}{{/if}}.{{/if}}
`;

export const escalationHtml = Handlebars.compile(html, { strict: false });
// Plain text: nothing to escape, and "«»" must stay as they are.
export const escalationText = Handlebars.compile(text, { noEscape: true });
