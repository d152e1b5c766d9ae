// The 19 municipalities of Khabarovsk Krai (2 city districts, 17 districts) and the
// deterministic list of municipal institutions generated for each of them.

export interface Settlement {
  /** Settlement type abbreviation: город, рабочий посёлок, посёлок, село. */
  type: 'г.' | 'р.п.' | 'п.' | 'с.';
  name: string;
}

export interface MunicipalitySpec {
  key: string; // ASCII, used for slugs and e-mails
  name: string;
  shortName: string;
  /** Genitive form used in institution names: «… Амурского муниципального района». */
  genitive: string;
  headPosition: string;
  /** «Центр социальной поддержки населения по Амурскому району». */
  socialDative: string;
  /** «Центр занятости населения Амурского района». */
  employmentGenitive: string;
  city: boolean;
  /** The first settlement is the administrative centre (for schools and kindergartens). */
  settlements: readonly Settlement[];
  /** Number of numbered schools in the centre (1 = a single, unnumbered school). */
  centreSchools: number;
  /** City districts: school and kindergarten numbers. */
  schoolNumbers?: readonly number[];
  kindergartenNumbers?: readonly number[];
  extras?: readonly SubordinateSpec[];
  /** The district hospital (a regional КГБУЗ under the health ministry). */
  hospital: string | null;
  /** The forestry (a regional КГКУ under the forestry ministry). */
  forestry: string | null;
  /** How many municipal institutions to generate. */
  size: number;
}

export interface SubordinateSpec {
  name: string;
  position: string;
  /** ASCII slug prefix describing the institution type. */
  type: string;
}

const s = (type: Settlement['type'], name: string): Settlement => ({ type, name });

function district(
  key: string,
  adjective: string, // «Амурский»
  genitiveAdjective: string, // «Амурского»
  dativeAdjective: string, // «Амурскому»
  settlements: readonly Settlement[],
  centreSchools: number,
  hospital: string | null,
  forestry: string | null,
  size: number,
  unit: 'район' | 'округ' = 'район',
): MunicipalitySpec {
  const unitGenitive = unit === 'район' ? 'муниципального района' : 'муниципального округа';
  return {
    key,
    name: `${adjective} муниципальный ${unit} Хабаровского края`,
    shortName: `${adjective} ${unit}`,
    genitive: `${genitiveAdjective} ${unitGenitive}`,
    headPosition: `Глава ${genitiveAdjective} ${unitGenitive}`,
    socialDative: `по ${dativeAdjective} району`,
    employmentGenitive: `${genitiveAdjective} района`,
    city: false,
    settlements,
    centreSchools,
    hospital,
    forestry,
    size,
  };
}

function namedDistrict(
  key: string,
  after: string, // «имени Лазо»
  settlements: readonly Settlement[],
  centreSchools: number,
  hospital: string | null,
  forestry: string | null,
  size: number,
): MunicipalitySpec {
  return {
    key,
    name: `Муниципальный район ${after} Хабаровского края`,
    shortName: `Район ${after}`,
    genitive: `муниципального района ${after}`,
    headPosition: `Глава муниципального района ${after}`,
    socialDative: `по району ${after}`,
    employmentGenitive: `района ${after}`,
    city: false,
    settlements,
    centreSchools,
    hospital,
    forestry,
    size,
  };
}

export const MUNICIPALITIES: readonly MunicipalitySpec[] = [
  {
    key: 'khabarovsk',
    name: 'Городской округ «Город Хабаровск»',
    shortName: 'г. Хабаровск',
    genitive: 'города Хабаровска',
    headPosition: 'Мэр города Хабаровска',
    socialDative: 'по г. Хабаровску',
    employmentGenitive: 'г. Хабаровска',
    city: true,
    settlements: [s('г.', 'Хабаровск')],
    centreSchools: 0,
    schoolNumbers: [5, 12, 15, 16, 19, 30, 32, 35, 40, 47, 51, 58, 68, 77, 80, 87],
    kindergartenNumbers: [27, 83, 140, 185, 205],
    extras: [
      { name: 'МАОУ «Гимназия № 3» г. Хабаровск', position: 'Директор', type: 'maou' },
      { name: 'МАОУ «Лицей инновационных технологий» г. Хабаровск', position: 'Директор', type: 'maou' },
      { name: 'МУП «Водоканал» г. Хабаровск', position: 'Директор', type: 'mup' },
      { name: 'МУП «Хабаровскэлектротранс»', position: 'Директор', type: 'mup' },
      { name: 'МАУ «Парк культуры и отдыха «Динамо»» г. Хабаровск', position: 'Директор', type: 'mau' },
    ],
    hospital: null,
    forestry: null,
    size: 28,
  },
  {
    key: 'komsomolsk',
    name: 'Городской округ «Город Комсомольск-на-Амуре»',
    shortName: 'г. Комсомольск-на-Амуре',
    genitive: 'города Комсомольска-на-Амуре',
    headPosition: 'Глава города Комсомольска-на-Амуре',
    socialDative: 'по г. Комсомольску-на-Амуре',
    employmentGenitive: 'г. Комсомольска-на-Амуре',
    city: true,
    settlements: [s('г.', 'Комсомольск-на-Амуре')],
    centreSchools: 0,
    schoolNumbers: [1, 3, 7, 14, 16, 24, 27, 31, 35, 51],
    kindergartenNumbers: [2, 10, 64, 125],
    extras: [
      { name: 'МАОУ «Гимназия № 9» г. Комсомольск-на-Амуре', position: 'Директор', type: 'maou' },
      { name: 'МУП «Горводоканал» г. Комсомольск-на-Амуре', position: 'Директор', type: 'mup' },
    ],
    hospital: null,
    forestry: null,
    size: 17,
  },
  district(
    'amursky',
    'Амурский',
    'Амурского',
    'Амурскому',
    [
      s('г.', 'Амурск'),
      s('р.п.', 'Эльбан'),
      s('с.', 'Падали'),
      s('с.', 'Вознесенское'),
      s('с.', 'Омми'),
      s('с.', 'Ачан'),
      s('с.', 'Литовко'),
    ],
    3,
    'КГБУЗ «Амурская центральная районная больница»',
    'КГКУ «Амурское лесничество»',
    10,
  ),
  district(
    'ayanmaysky',
    'Аяно-Майский',
    'Аяно-Майского',
    'Аяно-Майскому',
    [s('с.', 'Аян'), s('с.', 'Нелькан'), s('с.', 'Джигда'), s('с.', 'Аим')],
    1,
    'КГБУЗ «Аяно-Майская центральная районная больница»',
    null,
    6,
  ),
  district(
    'bikinsky',
    'Бикинский',
    'Бикинского',
    'Бикинскому',
    [s('г.', 'Бикин'), s('с.', 'Лесопильное'), s('с.', 'Оренбургское'), s('с.', 'Покровка'), s('с.', 'Васильевка')],
    3,
    'КГБУЗ «Бикинская центральная районная больница»',
    'КГКУ «Бикинское лесничество»',
    8,
    'округ',
  ),
  district(
    'vaninsky',
    'Ванинский',
    'Ванинского',
    'Ванинскому',
    [
      s('р.п.', 'Ванино'),
      s('р.п.', 'Октябрьский'),
      s('п.', 'Высокогорный'),
      s('с.', 'Уська-Орочская'),
      s('п.', 'Тумнин'),
      s('с.', 'Датта'),
      s('п.', 'Монгохто'),
    ],
    3,
    'КГБУЗ «Ванинская центральная районная больница»',
    'КГКУ «Ванинское лесничество»',
    10,
  ),
  district(
    'verhnebureinsky',
    'Верхнебуреинский',
    'Верхнебуреинского',
    'Верхнебуреинскому',
    [s('р.п.', 'Чегдомын'), s('р.п.', 'Новый Ургал'), s('п.', 'Софийск'), s('п.', 'Алонка'), s('п.', 'Сулук'), s('с.', 'Тырма')],
    3,
    'КГБУЗ «Верхнебуреинская центральная районная больница»',
    'КГКУ «Чегдомынское лесничество»',
    10,
  ),
  district(
    'vyazemsky',
    'Вяземский',
    'Вяземского',
    'Вяземскому',
    [s('г.', 'Вяземский'), s('с.', 'Аван'), s('с.', 'Дормидонтовка'), s('с.', 'Котиково'), s('с.', 'Шереметьево'), s('с.', 'Венюково')],
    2,
    'КГБУЗ «Вяземская районная больница»',
    'КГКУ «Вяземское лесничество»',
    8,
  ),
  district(
    'komsomolsky',
    'Комсомольский',
    'Комсомольского',
    'Комсомольскому',
    [
      s('с.', 'Хурба'),
      s('п.', 'Молодёжный'),
      s('с.', 'Пивань'),
      s('с.', 'Селихино'),
      s('п.', 'Снежный'),
      s('п.', 'Гайтер'),
      s('с.', 'Нижнетамбовское'),
      s('с.', 'Большая Картель'),
    ],
    1,
    'КГБУЗ «Комсомольская межрайонная больница»',
    'КГКУ «Комсомольское лесничество»',
    9,
  ),
  namedDistrict(
    'lazo',
    'имени Лазо',
    [
      s('р.п.', 'Переяславка'),
      s('р.п.', 'Хор'),
      s('р.п.', 'Мухен'),
      s('с.', 'Сита'),
      s('с.', 'Полётное'),
      s('с.', 'Бичевая'),
      s('п.', 'Обор'),
      s('с.', 'Кругликово'),
    ],
    2,
    'КГБУЗ «Районная больница района имени Лазо»',
    'КГКУ «Хорское лесничество»',
    11,
  ),
  district(
    'nanaisky',
    'Нанайский',
    'Нанайского',
    'Нанайскому',
    [
      s('с.', 'Троицкое'),
      s('с.', 'Найхин'),
      s('с.', 'Джуен'),
      s('с.', 'Маяк'),
      s('с.', 'Лидога'),
      s('с.', 'Синда'),
      s('с.', 'Верхний Нерген'),
    ],
    2,
    'КГБУЗ «Троицкая центральная районная больница»',
    'КГКУ «Троицкое лесничество»',
    9,
  ),
  district(
    'nikolaevsky',
    'Николаевский',
    'Николаевского',
    'Николаевскому',
    [
      s('г.', 'Николаевск-на-Амуре'),
      s('р.п.', 'Многовершинный'),
      s('р.п.', 'Лазарев'),
      s('с.', 'Красное'),
      s('п.', 'Маго'),
      s('с.', 'Нижнее Пронге'),
    ],
    3,
    'КГБУЗ «Николаевская центральная районная больница»',
    'КГКУ «Николаевское лесничество»',
    9,
  ),
  district(
    'okhotsky',
    'Охотский',
    'Охотского',
    'Охотскому',
    [s('р.п.', 'Охотск'), s('с.', 'Булгин'), s('с.', 'Иня'), s('с.', 'Арка'), s('с.', 'Вострецово')],
    2,
    'КГБУЗ «Охотская центральная районная больница»',
    'КГКУ «Охотское лесничество»',
    7,
    'округ',
  ),
  namedDistrict(
    'osipenko',
    'имени Полины Осипенко',
    [s('с.', 'имени Полины Осипенко'), s('с.', 'Бриакан'), s('п.', 'Херпучи'), s('с.', 'Оглонги'), s('с.', 'Удинск')],
    1,
    'КГБУЗ «Районная больница района имени Полины Осипенко»',
    null,
    6,
  ),
  district(
    'sovgavansky',
    'Советско-Гаванский',
    'Советско-Гаванского',
    'Советско-Гаванскому',
    [s('г.', 'Советская Гавань'), s('р.п.', 'Заветы Ильича'), s('р.п.', 'Майский'), s('п.', 'Гатка'), s('п.', 'Лососина')],
    4,
    'КГБУЗ «Советско-Гаванская районная больница»',
    'КГКУ «Советско-Гаванское лесничество»',
    10,
  ),
  district(
    'solnechny',
    'Солнечный',
    'Солнечного',
    'Солнечному',
    [
      s('р.п.', 'Солнечный'),
      s('п.', 'Горный'),
      s('п.', 'Берёзовый'),
      s('п.', 'Хурмули'),
      s('п.', 'Эворон'),
      s('с.', 'Дуки'),
      s('с.', 'Амгунь'),
    ],
    2,
    'КГБУЗ «Солнечная районная больница»',
    'КГКУ «Солнечное лесничество»',
    9,
  ),
  district(
    'tugurochumikansky',
    'Тугуро-Чумиканский',
    'Тугуро-Чумиканского',
    'Тугуро-Чумиканскому',
    [s('с.', 'Чумикан'), s('с.', 'Тугур'), s('с.', 'Удское'), s('с.', 'Алгазея'), s('п.', 'Неран')],
    1,
    'КГБУЗ «Тугуро-Чумиканская центральная районная больница»',
    null,
    6,
  ),
  district(
    'ulchsky',
    'Ульчский',
    'Ульчского',
    'Ульчскому',
    [
      s('с.', 'Богородское'),
      s('п.', 'Де-Кастри'),
      s('с.', 'Мариинское'),
      s('с.', 'Булава'),
      s('с.', 'Киселёвка'),
      s('с.', 'Циммермановка'),
      s('с.', 'Тыр'),
    ],
    2,
    'КГБУЗ «Ульчская районная больница»',
    'КГКУ «Ульчское лесничество»',
    8,
  ),
  district(
    'khabarovsky',
    'Хабаровский',
    'Хабаровского',
    'Хабаровскому',
    [
      s('р.п.', 'Корфовский'),
      s('с.', 'Ильинка'),
      s('с.', 'Мирное'),
      s('с.', 'Тополево'),
      s('с.', 'Князе-Волконское'),
      s('с.', 'Сосновка'),
      s('с.', 'Некрасовка'),
      s('с.', 'Бычиха'),
      s('с.', 'Мичуринское'),
      s('с.', 'Сикачи-Алян'),
    ],
    1,
    'КГБУЗ «Хабаровская районная больница»',
    'КГКУ «Хабаровское лесничество»',
    11,
  ),
];

const at = (place: Settlement): string => `${place.type} ${place.name}`;

/**
 * Municipal institutions of a municipality, in a fixed order so that truncating
 * to `size` keeps a realistic mix (administration, schools, culture, sport…).
 */
export function municipalInstitutions(m: MunicipalitySpec): SubordinateSpec[] {
  const centre = m.settlements[0]!;
  const villages = m.settlements.slice(1);
  const schools: SubordinateSpec[] = [];
  const kindergartens: SubordinateSpec[] = [];
  if (m.schoolNumbers) {
    for (const n of m.schoolNumbers) schools.push({ name: `МБОУ СОШ № ${n} ${at(centre)}`, position: 'Директор', type: 'mbou' });
  } else if (m.centreSchools > 1) {
    for (let n = 1; n <= m.centreSchools; n++) schools.push({ name: `МБОУ СОШ № ${n} ${at(centre)}`, position: 'Директор', type: 'mbou' });
  } else {
    schools.push({ name: `МБОУ СОШ ${at(centre)}`, position: 'Директор', type: 'mbou' });
  }
  for (const v of villages) schools.push({ name: `МБОУ СОШ ${at(v)}`, position: 'Директор', type: 'mbou' });

  if (m.kindergartenNumbers) {
    for (const n of m.kindergartenNumbers)
      kindergartens.push({ name: `МАДОУ «Детский сад № ${n}» ${at(centre)}`, position: 'Заведующий', type: 'madou' });
  } else if (m.centreSchools > 1) {
    for (let n = 1; n <= m.centreSchools; n++)
      kindergartens.push({ name: `МБДОУ «Детский сад № ${n}» ${at(centre)}`, position: 'Заведующий', type: 'mbdou' });
  } else {
    kindergartens.push({ name: `МБДОУ «Детский сад» ${at(centre)}`, position: 'Заведующий', type: 'mbdou' });
  }
  for (const v of villages.slice(0, 2)) kindergartens.push({ name: `МБДОУ «Детский сад» ${at(v)}`, position: 'Заведующий', type: 'mbdou' });

  const extras = [...(m.extras ?? [])];
  const fixed: Record<string, SubordinateSpec> = {
    edu: { name: `МКУ «Управление образования администрации ${m.genitive}»`, position: 'Начальник управления', type: 'mku' },
    culture: m.city
      ? { name: `МАУК «Городской дворец культуры ${m.genitive}»`, position: 'Директор', type: 'mauk' }
      : { name: `МБУК «Районный дом культуры ${m.genitive}»`, position: 'Директор', type: 'mbuk' },
    sport: { name: `МБУ ДО «Детско-юношеская спортивная школа» ${at(centre)}`, position: 'Директор', type: 'dyussh' },
    library: { name: `МБУК «Централизованная библиотечная система ${m.genitive}»`, position: 'Директор', type: 'cbs' },
    arts: { name: `МБУ ДО «Детская школа искусств» ${at(centre)}`, position: 'Директор', type: 'dshi' },
    edds: { name: `МКУ «Единая дежурно-диспетчерская служба ${m.genitive}»`, position: 'Начальник', type: 'edds' },
    creativity: { name: `МБУ ДО «Центр детского творчества» ${at(centre)}`, position: 'Директор', type: 'cdt' },
    youth: { name: `МБУ «Молодёжный центр ${m.genitive}»`, position: 'Директор', type: 'youth' },
    accounting: { name: `МКУ «Централизованная бухгалтерия ${m.genitive}»`, position: 'Директор', type: 'buh' },
  };
  const order = [
    'edu',
    'school',
    'culture',
    'sport',
    'school',
    'extra',
    'library',
    'kindergarten',
    'school',
    'arts',
    'school',
    'edds',
    'extra',
    'creativity',
    'kindergarten',
    'school',
    'youth',
    'accounting',
    'extra',
  ];
  const out: SubordinateSpec[] = [];
  const take = (slot: string): SubordinateSpec | undefined => {
    if (slot === 'school') return schools.shift();
    if (slot === 'kindergarten') return kindergartens.shift();
    if (slot === 'extra') return extras.shift();
    return fixed[slot];
  };
  for (const slot of order) {
    const next = take(slot);
    if (next) out.push(next);
  }
  // Whatever is left: schools, kindergartens and extras in turn.
  while (schools.length + kindergartens.length + extras.length > 0) {
    for (const slot of ['school', 'school', 'kindergarten', 'extra']) {
      const next = take(slot);
      if (next) out.push(next);
    }
  }
  return out.slice(0, m.size);
}
