/**
 * A labelled corpus for matching posts to materials, built from the demo materials and
 * deterministic by seed: placements rewritten the way recipients rewrite them (labelled with
 * their material) and the organizations' own news (labelled null), half of it on a material's
 * topic, with its vocabulary and event names, so that topic overlap alone must not match.
 * Placements of 70% of the materials form the tuning part, of the rest the held-out part; every
 * post is matched against all materials.
 */
import { generateDemoMaterials } from './content.js';
import { pick, shuffled, stream, weighted, type Rng } from './random.js';

export interface CorpusMaterial {
  id: string;
  title: string;
  body: string;
  links: string[];
  /** 64-bit perceptual hashes (16 hex digits) of the material's photos. */
  imageHashes: string[];
}

export interface CorpusPost {
  text: string;
  links: string[];
  attachments: string[];
}

export type PlacementKind = 'EXCERPT' | 'REWRITE' | 'REPOST' | 'FULL' | 'LINK_ONLY' | 'IMAGE_ONLY';
export type PostKind = PlacementKind | 'OWN' | 'OWN_SAME_TOPIC';

export interface LabelledPost {
  post: CorpusPost;
  /** The material the post places, or null for the organization's own news. */
  materialId: string | null;
  kind: PostKind;
}

export interface MatchingCorpus {
  materials: CorpusMaterial[];
  tuning: LabelledPost[];
  heldOut: LabelledPost[];
}

export const MATERIAL_PAGE = 'https://khv-region.test/materials/';
const HELD_OUT_SHARE = 0.3;

const INTROS = [
  'Делимся важной новостью!',
  'Внимание!',
  'Коллеги, обращаем ваше внимание.',
  'Важная информация для жителей района.',
  'Рассказываем подробнее 👇',
  'Новости края',
  'Не пропустите!',
  'Полезная информация для наших подписчиков:',
];
const CLOSINGS = ['Подробности — по ссылке.', 'Следите за новостями!', 'Ставьте лайк, если было полезно.', 'Поделитесь с близкими!'];
const REPOST_COMMENTS = [
  'Поддерживаем! Приходите всей семьёй.',
  'Коллеги, просим распространить.',
  'Информация от Открытого региона',
  'Наш коллектив тоже участвует.',
  'Обратите внимание, это важно для многих семей нашего посёлка.',
];
const EMOJI = ['📢', '❗', '👉', '✅', '🏆', '📌', '💬', '👇', '🔥', '⭐', '🇷🇺', '☝️'];
const CAPTIONS = ['📸 Фото дня', 'Смотрите фоторепортаж', '📷', 'Как это было'];
const LEAD_INS = ['Напоминаем, что', 'Сообщаем, что', 'Друзья,', 'Как сообщает Открытый регион,'];
const SYNONYMS: readonly (readonly [string, string])[] = [
  ['пройдёт', 'состоится'],
  ['жители', 'граждане'],
  ['Губернатор', 'Глава региона'],
  ['можно', 'возможно'],
  ['бесплатно', 'без оплаты'],
  ['получат', 'смогут получить'],
  ['также', 'ещё'],
];

const PLACES = ['Хабаровска', 'Комсомольска-на-Амуре', 'Амурска', 'Бикина', 'Вяземского', 'Чегдомына', 'Ванино', 'посёлка Солнечный'];
const DAYS = ['В субботу', 'В минувшие выходные', 'На этой неделе', '15 марта', 'Вчера'];
const SPORTS = ['хоккею с мячом', 'лыжным гонкам', 'мини-футболу', 'волейболу', 'настольному теннису', 'шахматам', 'плаванию', 'боксу'];

/** The organization's own news, by topic: `{place}` a genitive place, `{day}`, `{sport}`, `{n}`. */
const OWN_SENTENCES: Record<string, readonly string[]> = {
  SPORT: [
    '{day} на стадионе {place} прошло открытое первенство района по {sport} среди школьников.',
    'В соревнованиях приняли участие {n} спортсменов из восьми команд.',
    'Наши воспитанники заняли второе место и завоевали {n} медалей.',
    'Поздравляем победителей и призёров, благодарим тренеров и родителей за поддержку!',
    'Сотрудники нашего учреждения сдали нормативы комплекса ГТО и получили знаки отличия.',
    'Приглашаем всех желающих на тренировки по {sport} в спортивный зал школы, занятия бесплатные.',
    'Команда района выступит на краевых соревнованиях по {sport} в Хабаровске.',
    'Матчи чемпионата района по {sport} пройдут на стадионе {place}, болельщиков ждём.',
  ],
  CULTURE: [
    '{day} в Доме культуры {place} состоялся концерт, посвящённый Дню района.',
    'Перед зрителями выступили творческие коллективы и солисты детской школы искусств.',
    'В библиотеке {place} открылась выставка рисунков воспитанников художественной студии.',
    'Для школьников провели экскурсию по музею и мастер-класс по декоративно-прикладному творчеству.',
    'Билеты на спектакль можно купить по Пушкинской карте в кассе нашего Дома культуры.',
    'Народный ансамбль нашего посёлка стал лауреатом краевого фестиваля фольклора.',
    'Благодарим всех участников и зрителей, до новых встреч!',
    'Приглашаем жителей на праздничную программу, вход свободный.',
  ],
  SOCIAL: [
    'Специалисты центра социальной поддержки населения проведут выездной приём в администрации {place}.',
    'Жители смогут получить консультации по мерам поддержки семей с детьми и пенсионеров.',
    '{day} в поликлинике {place} прошёл день открытых дверей, {n} человек прошли диспансеризацию.',
    'Для записи обращайтесь в регистратуру или по телефону нашей горячей линии.',
    'В нашем детском саду прошёл праздник для семей участников специальной военной операции.',
    'Волонтёры передали подарки ветеранам и пожилым жителям посёлка.',
    'Напоминаем, что записаться на прививку можно через Госуслуги или в регистратуре.',
    'Школьники нашего района побывали на экскурсии в пожарной части.',
  ],
  GOVERNMENT: [
    'Администрация {place} информирует о плановом отключении горячей воды с 9 до 17 часов.',
    'Продолжается ремонт дороги по улице Ленина, просим водителей соблюдать скоростной режим.',
    'В администрации района прошло совещание по подготовке к отопительному сезону.',
    'На благоустройство сквера {place} направят {n} миллионов рублей из местного бюджета.',
    'Приём заявок на участие в районном конкурсе проектов продлится до конца месяца.',
    'Жители могут направить свои предложения через платформу обратной связи на Госуслугах.',
    'Подробности можно узнать в администрации поселения по телефону.',
    'Подрядчик завершил замену {n} метров тепловых сетей в центре {place}.',
  ],
  GOVERNOR: [
    'Глава района провёл приём граждан, на встречу пришли {n} жителей.',
    'Жители рассказали о ремонте дворов, работе транспорта и очередях в поликлинике.',
    'По каждому вопросу глава района дал поручения своим заместителям.',
    '{day} глава района проверил, как идёт ремонт школы в центре {place}.',
    'Глава района поздравил ветеранов и вручил им памятные подарки.',
    'На совещании обсудили подготовку к паводку и вывоз снега с улиц {place}.',
    'Задать вопрос главе района можно в комментариях под этой публикацией.',
    'Исполнение поручений глава района будет контролировать лично.',
  ],
  SOCIO_POLITICAL: [
    'Молодёжный совет района провёл встречу со студентами колледжа.',
    'Волонтёры нашего центра приняли участие в акции и помогли {n} пожилым жителям.',
    'Участковая избирательная комиссия информирует о графике работы.',
    '{day} в школе прошли выборы президента школьного самоуправления.',
    'Общественный совет района обсудил благоустройство набережной {place}.',
    'Приглашаем молодёжь района присоединиться к нашему волонтёрскому отряду.',
    'Ребята собрали {n} коробок гуманитарной помощи для бойцов.',
    'Благодарим всех неравнодушных жителей за участие!',
  ],
};
const OWN_EVENT_SENTENCES = [
  'Наши ребята тоже приняли участие в мероприятии «{event}» и остались довольны.',
  'Рассказываем, как прошло «{event}» в нашем районе.',
  'Готовимся к «{event}»: в этом году от нашего учреждения заявлены {n} участников.',
];
const OWN_GENERIC = [
  'Поздравляем коллег с профессиональным праздником!',
  '{day} в нашем учреждении прошёл день открытых дверей.',
  'Напоминаем о графике работы в праздничные дни.',
  'Благодарим родителей за помощь в подготовке к новому учебному году.',
  'В нашей школе прошла неделя финансовой грамотности.',
  'Объявляем набор в кружки и секции на новый сезон.',
];

export function matchingCorpus(seed = 2027): MatchingCorpus {
  const rows = generateDemoMaterials({ seed, now: new Date('2026-11-26T03:00:00Z'), timeZone: 'Asia/Vladivostok' });
  const hashRng = stream(seed, 901);
  const materials = rows.map((row): CorpusMaterial & { topic: string } => ({
    id: row.id,
    title: row.title,
    body: row.body,
    topic: row.topic,
    links: [`${MATERIAL_PAGE}${row.id}`, ...row.mediaLinks],
    imageHashes: row.mediaLinks.filter((link) => link.endsWith('.jpg')).map(() => randomHash(hashRng)),
  }));
  const rng = stream(seed, 902);
  const order = shuffled(materials, rng);
  const heldOutFrom = Math.round(order.length * (1 - HELD_OUT_SHARE));
  const parts = { tuning: [] as LabelledPost[], heldOut: [] as LabelledPost[] };
  order.forEach((material, i) => {
    const part = i < heldOutFrom ? parts.tuning : parts.heldOut;
    for (let n = 0; n < 8; n++) part.push({ ...placement(material, rng), materialId: material.id });
  });
  for (let n = 0; n < 600; n++) {
    const part = n % 10 < 7 ? parts.tuning : parts.heldOut;
    part.push({ ...ownNews(pick(rng, materials), rng, n % 2 === 0), materialId: null });
  }
  return { materials: materials.map(({ topic: _, ...material }) => material), tuning: parts.tuning, heldOut: parts.heldOut };
}

function placement(material: CorpusMaterial, rng: Rng): Omit<LabelledPost, 'materialId'> {
  const kind = weighted<PlacementKind>(rng, [
    ['EXCERPT', 45],
    ['REWRITE', 10],
    ['REPOST', 15],
    ['FULL', 10],
    ['LINK_ONLY', 10],
    ['IMAGE_ONLY', material.imageHashes.length ? 10 : 0],
  ]);
  const link = rng() < (kind === 'FULL' || kind === 'REPOST' ? 0.4 : 0.3) ? [pageLink(material, rng)] : [];
  const image = rng() < 0.3 && material.imageHashes.length ? [nearHash(pick(rng, material.imageHashes), rng)] : [];
  const tags = rng() < 0.6 ? [hashtags(rng)] : [];
  const linkLine = link.map((url) => `Подробнее: ${url}`);
  const sentences = sentencesOf(material.body);
  switch (kind) {
    case 'EXCERPT':
    case 'REWRITE': {
      const lines = [
        ...(rng() < 0.5 ? [decorate(pick(rng, INTROS), rng)] : []),
        ...(rng() < 0.5 ? [decorate(material.title, rng)] : []),
        ...excerpt(sentences, rng, kind === 'REWRITE' ? heavyEdit : (sentence) => (rng() < 0.3 ? lightEdit(sentence, rng) : sentence)),
        ...(rng() < 0.3 ? [pick(rng, CLOSINGS)] : []),
        ...linkLine,
        ...tags,
      ];
      return { kind, post: { text: lines.join('\n'), links: link, attachments: image } };
    }
    case 'REPOST': {
      const paragraphs = material.body.split('\n\n').slice(0, 1 + Math.floor(rng() * 2));
      const source = [material.title, ...paragraphs, ...linkLine, ...tags].join('\n\n');
      const comment = rng() < 0.6 ? [pick(rng, REPOST_COMMENTS)] : [];
      return { kind, post: { text: [...comment, source].join('\n\n'), links: link, attachments: image } };
    }
    case 'FULL':
      return { kind, post: { text: [material.title, material.body, ...linkLine, ...tags].join('\n\n'), links: link, attachments: image } };
    case 'LINK_ONLY': {
      const url = pageLink(material, rng);
      return { kind, post: { text: `${pick(rng, INTROS)} Читайте по ссылке: ${url}`, links: [url], attachments: image } };
    }
    case 'IMAGE_ONLY':
      return {
        kind,
        post: { text: [pick(rng, CAPTIONS), ...tags].join('\n'), links: [], attachments: [nearHash(pick(rng, material.imageHashes), rng)] },
      };
  }
}

/** 1–3 sentences, at least ten words: the first ones or any, sometimes reordered, edited as told. */
function excerpt(sentences: string[], rng: Rng, edit: (sentence: string, rng: Rng) => string): string[] {
  const count = 1 + Math.floor(rng() * 3);
  const start = rng() < 0.5 ? 0 : Math.floor(rng() * sentences.length);
  const chosen = sentences.slice(start, start + count);
  for (let i = start + count; words(chosen) < 10 && i < sentences.length + start + count; i++)
    chosen.push(sentences[i % sentences.length]!);
  const ordered = rng() < 0.4 ? shuffled(chosen, rng) : chosen;
  const edited = ordered.map((sentence) => edit(sentence, rng));
  return rng() < 0.5 ? [edited.join(' ')] : edited.map((line) => decorate(line, rng));
}

/** What an administrator does to a copied sentence: a word dropped or swapped, the region named in full, a lead-in of its own. */
function lightEdit(sentence: string, rng: Rng): string {
  const edit = Math.floor(rng() * 4);
  const swap = SYNONYMS.find(([word]) => sentence.includes(word));
  if (edit === 0 && sentence.includes(' края')) return sentence.replace(' края', ' Хабаровского края');
  if (edit === 1 && swap) return sentence.replace(swap[0], swap[1]);
  if (edit === 2) return `${pick(rng, LEAD_INS)} ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
  const parts = sentence.split(' ');
  if (parts.length < 6) return sentence;
  parts.splice(1 + Math.floor(rng() * (parts.length - 2)), 1);
  return parts.join(' ');
}

/** A placement rewritten harder: every sentence edited once or twice. */
function heavyEdit(sentence: string, rng: Rng): string {
  return rng() < 0.5 ? lightEdit(lightEdit(sentence, rng), rng) : lightEdit(sentence, rng);
}

function ownNews(material: CorpusMaterial & { topic: string }, rng: Rng, sameTopic: boolean): Omit<LabelledPost, 'materialId'> {
  const pool = sameTopic ? OWN_SENTENCES[material.topic]! : pick(rng, Object.values(OWN_SENTENCES)).concat(OWN_GENERIC);
  const chosen = shuffled(pool, rng).slice(0, 2 + Math.floor(rng() * 3));
  // An event's or a programme's name («Лыжня России», «Земский доктор»), not a quoted sentence.
  const event = [...`${material.title} ${material.body}`.matchAll(/«([^»]{3,40})»/gu)]
    .map((m) => m[1]!)
    .find((name) => name.split(' ').length <= 4);
  if (sameTopic && event && rng() < 0.6) chosen.splice(1, 0, pick(rng, OWN_EVENT_SENTENCES).replace('{event}', event));
  const body = chosen.map((sentence) => fill(sentence, rng));
  const lines = [
    ...(rng() < 0.3 ? [decorate(pick(rng, INTROS), rng)] : []),
    ...(rng() < 0.5 ? [body.join(' ')] : body.map((line) => decorate(line, rng))),
    ...(rng() < 0.6 ? [hashtags(rng)] : []),
  ];
  const links =
    rng() < 0.3
      ? [pick(rng, ['https://school5-amursk.test/news/118', 'https://khv-region.test/', `${MATERIAL_PAGE}`, 'https://vk.com/minsport27'])]
      : [];
  const attachments = rng() < 0.5 ? [randomHash(rng)] : [];
  return { kind: sameTopic ? 'OWN_SAME_TOPIC' : 'OWN', post: { text: [...lines, ...links].join('\n'), links, attachments } };
}

function fill(sentence: string, rng: Rng): string {
  return sentence
    .replace('{place}', pick(rng, PLACES))
    .replace('{day}', pick(rng, DAYS))
    .replace('{sport}', pick(rng, SPORTS))
    .replace('{n}', String(3 + Math.floor(rng() * 120)));
}

/** The material's page as recipients link it: another scheme, www., a trailing slash, utm tags, VK's redirect. */
function pageLink(material: CorpusMaterial, rng: Rng): string {
  const url = `${MATERIAL_PAGE}${material.id}`;
  return pick(rng, [
    url,
    url.replace('https://', 'http://www.') + '/',
    `${url}?utm_source=vk&utm_medium=social&utm_campaign=open-region`,
    `${url.replace('khv-region', 'KHV-Region')}#comments`,
    `https://vk.com/away.php?to=${encodeURIComponent(url)}&cc_key=`,
  ]);
}

function decorate(line: string, rng: Rng): string {
  return rng() < 0.4 ? `${pick(rng, EMOJI)} ${line}` : line;
}

function hashtags(rng: Rng): string {
  return shuffled(['#Хабаровскийкрай', '#ОткрытыйРегион', '#НовостиКрая', '#Мывместе', '#Район27'], rng)
    .slice(0, 1 + Math.floor(rng() * 3))
    .join(' ');
}

function sentencesOf(body: string): string[] {
  return body.split(/(?<=[.!?…])\s+(?=[А-ЯЁA-Z«"0-9])/u);
}

function words(sentences: string[]): number {
  return sentences.join(' ').split(/\s+/u).length;
}

function randomHash(rng: Rng): string {
  return Array.from({ length: 4 }, () =>
    Math.floor(rng() * 0x10000)
      .toString(16)
      .padStart(4, '0'),
  ).join('');
}

/** The same photo re-encoded or cropped by the platform: a perceptual hash a few bits away. */
function nearHash(hash: string, rng: Rng): string {
  let value = BigInt(`0x${hash}`);
  for (let flips = Math.floor(rng() * 5); flips > 0; flips--) value ^= 1n << BigInt(Math.floor(rng() * 64));
  return value.toString(16).padStart(16, '0');
}

export interface MatchQuality {
  posts: number;
  placements: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/**
 * A post counts as matched to the material `decide` names (null: none). A wrong material is a
 * false positive and, the post being a placement, a false negative too.
 */
export function matchQuality(posts: readonly LabelledPost[], decide: (post: CorpusPost) => string | null): MatchQuality {
  let [truePositives, falsePositives, falseNegatives] = [0, 0, 0];
  for (const { post, materialId } of posts) {
    const decided = decide(post);
    if (decided !== null && decided === materialId) truePositives++;
    else {
      if (decided !== null) falsePositives++;
      if (materialId !== null) falseNegatives++;
    }
  }
  return {
    posts: posts.length,
    placements: posts.filter((p) => p.materialId !== null).length,
    truePositives,
    falsePositives,
    falseNegatives,
    precision: truePositives + falsePositives ? truePositives / (truePositives + falsePositives) : 1,
    recall: truePositives + falseNegatives ? truePositives / (truePositives + falseNegatives) : 1,
  };
}
