// Organization rows: names, heads, INNs and contacts in the registry's own formats.
import { completeLegalEntityInn } from '@hub/organizations';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, PATRONYMIC_STEMS, SURNAMES, feminineSurname } from '@hub/infra/demo/names';
import { entityRng, type Rng } from './ids.js';
import { KIND, KINDS, type Roster } from './roster.js';
import type { DatasetSpec } from './spec.js';
import { SITE_DOMAIN } from './pages.js';

const PURPOSE_PEOPLE = 31;

const REGIONS = [
  'Хабаровского края',
  'Приморского края',
  'Амурской области',
  'Сахалинской области',
  'Камчатского края',
  'Магаданской области',
  'Еврейской автономной области',
  'Забайкальского края',
  'Иркутской области',
  'Томской области',
  'Новосибирской области',
  'Омской области',
  'Алтайского края',
  'Красноярского края',
  'Кемеровской области',
];
const BODIES = [
  'Министерство образования и науки',
  'Министерство здравоохранения',
  'Министерство социальной защиты',
  'Министерство культуры',
  'Министерство физической культуры и спорта',
  'Министерство природных ресурсов',
  'Министерство строительства',
  'Министерство жилищно-коммунального хозяйства',
  'Министерство транспорта и дорожного хозяйства',
  'Министерство экономического развития',
  'Министерство финансов',
  'Министерство сельского хозяйства',
  'Комитет по труду и занятости населения',
  'Комитет по делам записи актов гражданского состояния',
  'Управление ветеринарии',
  'Комитет по молодёжной политике',
  'Министерство цифрового развития',
  'Главное управление региональной безопасности',
];
const MUNICIPAL_INSTITUTIONS: readonly (readonly [string, string])[] = [
  ['МБОУ «Средняя общеобразовательная школа №', 'Директор'],
  ['МБДОУ «Детский сад №', 'Заведующий'],
  ['МБУК «Дом культуры №', 'Директор'],
  ['МБУ ДО «Детская школа искусств №', 'Директор'],
  ['МБУ «Центральная библиотека №', 'Директор'],
  ['МКУ «Центр молодёжных инициатив №', 'Руководитель'],
];
const REGIONAL_INSTITUTIONS: readonly (readonly [string, string])[] = [
  ['КГБУЗ «Городская поликлиника №', 'Главный врач'],
  ['КГБУ «Центр социальной поддержки населения №', 'Директор'],
  ['КГКУ «Центр занятости населения №', 'Директор'],
  ['КГБ ПОУ «Колледж №', 'Директор'],
  ['КГАУ «Спортивная школа олимпийского резерва №', 'Директор'],
  ['КГБУК «Музей истории №', 'Директор'],
];
const COORDINATORS = [
  ['Автономная некоммерческая организация «Открытый регион»', 'АНО «Открытый регион»', 'Генеральный директор'],
  [
    'Комитет по информационной политике и массовым коммуникациям Правительства',
    'Комитет по информационной политике',
    'Председатель комитета',
  ],
  ['Автономная некоммерческая организация «Центр управления регионом»', 'АНО «ЦУР»', 'Руководитель'],
] as const;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

function personName(rng: Rng): string {
  const surname = pick(rng, SURNAMES);
  const stem = pick(rng, PATRONYMIC_STEMS);
  return rng() < 0.5
    ? `${feminineSurname(surname)} ${pick(rng, FEMALE_FIRST_NAMES)} ${stem}на`
    : `${surname} ${pick(rng, MALE_FIRST_NAMES)} ${stem}ич`;
}

export interface OrganizationRow {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  parentId: string | null;
  inn: string;
  headFullName: string;
  headPosition: string;
  headEmail: string;
  contactEmail: string | null;
  active: boolean;
  deactivationReason: string | null;
  deactivatedAt: Date | null;
  registeredAt: Date;
}

/** A valid 10-digit legal-entity INN, unique by construction: region block and ordinal. */
function innOf(roster: Roster, i: number): string {
  const region = roster.block[i]! < 0 ? 27 : 10 + (roster.block[i]! % 89);
  const serial = roster.block[i]! < 0 ? 9_000_000 + i : Math.floor(roster.block[i]! / 89) * 3_000_000 + roster.ordinal[i]!;
  return completeLegalEntityInn(`${region}${String(serial).padStart(7, '0')}`);
}

export function organizationOf(spec: DatasetSpec, roster: Roster, i: number): OrganizationRow {
  const rng = entityRng(spec.seed, PURPOSE_PEOPLE, i);
  const kind = roster.kind[i]!;
  const region = REGIONS[Math.max(0, roster.block[i]!) % REGIONS.length]!;
  const key = `org${i}`;
  let name: string;
  let shortName: string | null = null;
  let position: string;
  if (kind <= KIND.cur) {
    const [full, short, head] = COORDINATORS[kind]!;
    [name, shortName, position] = [kind === KIND.committee ? `${full} ${region}` : full, short, head];
  } else if (kind === KIND.body) {
    const base = BODIES[roster.ordinal[i]! % BODIES.length]!;
    const round = Math.floor(roster.ordinal[i]! / BODIES.length);
    name = `${base}${round ? ` (направление ${round + 1})` : ''} ${region}`;
    shortName = base;
    position = base.startsWith('Министерство') ? 'Министр' : 'Председатель';
  } else if (kind === KIND.municipality) {
    name = `Администрация муниципального образования № ${roster.ordinal[i]! + 1} ${region}`;
    shortName = `Администрация МО № ${roster.ordinal[i]! + 1}`;
    position = 'Глава муниципального образования';
  } else {
    const underMunicipality = roster.kind[roster.parent[i]!] === KIND.municipality;
    const [type, head] = pick(rng, underMunicipality ? MUNICIPAL_INSTITUTIONS : REGIONAL_INSTITUTIONS);
    name = `${type} ${roster.ordinal[i]}» ${region}`;
    position = head;
  }
  const authority = kind !== KIND.subordinate;
  const deactivated = Number.isFinite(roster.deactivatedAt[i]!);
  return {
    id: roster.ids[i]!,
    name,
    shortName,
    kind: KINDS[kind]!,
    parentId: roster.parent[i]! >= 0 ? roster.ids[roster.parent[i]!]! : null,
    inn: innOf(roster, i),
    headFullName: personName(rng),
    headPosition: position,
    headEmail: `${key}.head@${SITE_DOMAIN}`,
    contactEmail: authority ? `press.${key}@${SITE_DOMAIN}` : rng() < 0.75 ? `info.${key}@${SITE_DOMAIN}` : null,
    active: !deactivated,
    deactivationReason: deactivated ? 'Ликвидирована по решению учредителя' : null,
    deactivatedAt: deactivated ? new Date(roster.deactivatedAt[i]!) : null,
    registeredAt: new Date(roster.registeredAt[i]!),
  };
}
