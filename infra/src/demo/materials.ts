// Regional content for the demo database: 100 fictional materials in the style of the weekly
// posts АНО «Открытый регион» sends to executive bodies, municipalities and their institutions.
// The texts are invented; no real person is named, the governor only by the role.
import { CULTURE_MATERIALS } from './materials-culture.js';
import { GOVERNMENT_MATERIALS } from './materials-government.js';
import { GOVERNOR_MATERIALS } from './materials-governor.js';
import { SOCIAL_MATERIALS } from './materials-social.js';
import { SOCIO_POLITICAL_MATERIALS } from './materials-socio-political.js';
import { SPORT_MATERIALS } from './materials-sport.js';

export type MaterialTopic = 'GOVERNOR' | 'GOVERNMENT' | 'SOCIAL' | 'SOCIO_POLITICAL' | 'CULTURE' | 'SPORT';
export type AudienceKind = 'EXECUTIVE_BODY' | 'MUNICIPALITY' | 'SUBORDINATE';

export interface MaterialTemplate {
  /** Russian headline, 40–140 characters, no trailing period. */
  title: string;
  /** One Russian sentence, 80–250 characters. */
  summary: string;
  /** 2–4 plain-text paragraphs separated by "\n\n", 400–1500 characters. */
  body: string;
  topic: MaterialTopic;
  /** 1–4 tags without '#': letters, digits and underscore only. */
  hashtags: string[];
  /** 0–2 https URLs under https://media.khv-region.test/. */
  mediaLinks: string[];
  /** Who it is sent to: null = every organization that has official pages; otherwise these kinds only. */
  audienceKinds: AudienceKind[] | null;
  /** For event announcements: how many days after distribution the recommended placement window closes (the event date); null = no window. */
  windowDays: number | null;
}

export const MATERIAL_TEMPLATES: readonly MaterialTemplate[] = [
  ...GOVERNOR_MATERIALS,
  ...GOVERNMENT_MATERIALS,
  ...SOCIAL_MATERIALS,
  ...SOCIO_POLITICAL_MATERIALS,
  ...CULTURE_MATERIALS,
  ...SPORT_MATERIALS,
];
