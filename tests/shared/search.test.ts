/** shared/search.ts: tokens, category words, ranking, suggestions and city matches. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  byRank,
  categoriesNamed,
  editDistance,
  isCityName,
  isExactName,
  matchCities,
  matchRank,
  searchFrame,
  searchTerms,
  similarity,
  suggestNames,
  tokenize,
  type City,
} from '#shared/search.ts';
import { CATEGORIES, CATEGORY_IDS } from '#shared/taxonomy.ts';

const port = { name_zh: '天津港', name_en: 'Port of Tianjin', category: 'seaport' };
const corridor = { name_zh: '二连浩特口岸至天津港口的铁路通道', name_en: 'Erenhot crossing – Tianjin port railway corridor (to be built)', category: 'rail-corridor' };
const airport = { name_zh: '天津机场', name_en: 'Tianjin Binhai International Airport', category: 'airport' };
const road = { name_zh: '航双路', name_en: 'Hangshuang Road (airport – Shuanggang)', category: 'urban-road' };

describe('tokenize', () => {
  it('splits English words at spaces and punctuation, in any order, dropping "of"', () => {
    expect(tokenize('Tianjin  Port')).toEqual(['tianjin', 'port']);
    expect(tokenize('port of tianjin')).toEqual(['port', 'tianjin']);
    expect(tokenize('tianjin-port, (Xingang)')).toEqual(['tianjin', 'port', 'xingang']);
  });
  it('keeps Chinese without spaces as one token, and splits where Chinese meets Latin', () => {
    expect(tokenize('天津港')).toEqual(['天津港']);
    expect(tokenize('天津 港')).toEqual(['天津', '港']);
    expect(tokenize('天津port')).toEqual(['天津', 'port']);
    expect(tokenize('ＴＩＡＮＪＩＮ　港')).toEqual(['tianjin', '港']);
  });
  it('keeps a lone stopword rather than nothing', () => {
    expect(tokenize('of')).toEqual(['of']);
    expect(tokenize('  ')).toEqual([]);
  });
});

describe('categoriesNamed', () => {
  const rail = CATEGORY_IDS.filter((id) => CATEGORIES[id].zh.includes('铁路'));
  it('铁路 names every category whose Chinese label holds it', () => {
    expect(rail).toEqual(expect.arrayContaining(['intercity-rail', 'high-speed-rail', 'freight-rail', 'rail-corridor']));
    expect(categoriesNamed('铁路')).toEqual(rail);
  });
  it('港口 names seaports and port areas; 机场 airports', () => {
    expect(categoriesNamed('港口').sort()).toEqual(['port-area', 'seaport']);
    expect(categoriesNamed('机场')).toEqual(['airport']);
  });
  it('English words: "port" is a seaport or port area but not an airport; "railway" every rail category', () => {
    expect(categoriesNamed('port').sort()).toEqual(['port-area', 'seaport']);
    expect(categoriesNamed('Ports').sort()).toEqual(['port-area', 'seaport']);
    expect(categoriesNamed('railway')).toEqual(expect.arrayContaining(['intercity-rail', 'high-speed-rail', 'freight-rail', 'rail-corridor']));
    expect(categoriesNamed('airport')).toEqual(['airport']);
    expect(categoriesNamed('tianjin')).toEqual([]);
  });
  it('every category is found by its own Chinese and English label', () => {
    for (const id of CATEGORY_IDS) {
      expect(categoriesNamed(CATEGORIES[id].zh), CATEGORIES[id].zh).toContain(id);
      for (const w of tokenize(CATEGORIES[id].en).filter((x) => x.length >= 3)) expect(categoriesNamed(w), w).toContain(id);
    }
  });
});

describe('searchTerms', () => {
  it('a Chinese word holding a category word becomes place + category', () => {
    expect(searchTerms('天津港口')).toEqual([{ text: '天津港口', categories: [], split: { rest: '天津', categories: ['seaport', 'port-area'] } }]);
    expect(searchTerms('天津铁路')[0]!.split?.rest).toBe('天津');
    expect(searchTerms('铁路')[0]!.split).toBeUndefined();
  });
});

describe('ranking', () => {
  it('exact names first, then prefix, then contains, then other fields', () => {
    expect(matchRank('天津港', port)).toBe(0);
    expect(matchRank('tianjin port', port)).toBe(0);
    expect(matchRank('PORT OF TIANJIN', port)).toBe(0);
    expect(matchRank('天津', port)).toBe(1);
    expect(matchRank('天津港', corridor)).toBe(2);
    expect(matchRank('tjg', port)).toBe(3);
    expect(isExactName('天津港', corridor)).toBe(false);
  });
  it('puts the port before the corridor whose name contains it, whatever the input order', () => {
    expect(byRank('天津港', [corridor, port], (x) => x)[0]).toBe(port);
  });
  it('within a rank, the category the query names comes first', () => {
    expect(byRank('airport', [road, airport], (x) => x)[0]).toBe(airport);
  });
  it('frames the exact namesakes when the best match is exact, else everything', () => {
    const twin = { ...port, name_en: 'Port of Tianjin', category: 'seaport' };
    expect(searchFrame('天津港', [port, twin, corridor], (x) => x)).toEqual([port, twin]);
    expect(searchFrame('天津', [port, corridor], (x) => x)).toEqual([port, corridor]);
    expect(searchFrame('天津港', [], (x) => x)).toEqual([]);
  });
  it('is a permutation of its input', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([port, corridor, airport, road]), fc.string(), (items, q) => {
        expect(byRank(q, items, (x) => x).sort((a, b) => a.name_zh.localeCompare(b.name_zh))).toEqual([...items].sort((a, b) => a.name_zh.localeCompare(b.name_zh)));
      }),
    );
  });
});

describe('suggestions', () => {
  it('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('天津港', '天津新港')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('similarity is 1 for the same text and lower for other text', () => {
    expect(similarity('天津港', '天津港')).toBe(1);
    expect(similarity('天津新港', '天津港')).toBeGreaterThan(similarity('天津新港', '航双路'));
    expect(similarity('tianjn prot', 'Port of Tianjin')).toBeGreaterThan(0.6);
  });
  it('suggests the closest names, one per name, at most three', () => {
    const candidates = [port, corridor, airport, road, { ...port }, { name_zh: '新港北', name_en: 'Xingang North' }];
    const s = suggestNames('天津新港', candidates);
    expect(s[0]!.name_zh).toBe('天津港');
    expect(s.map((x) => x.name_zh).sort()).toEqual(['天津港', '天津机场', '新港北'].sort());
    expect(s.map((x) => x.score)).toEqual([...s.map((x) => x.score)].sort((a, b) => b - a));
    expect(suggestNames('天津新港', candidates, 1)).toHaveLength(1);
  });
  it('uses the pinyin where given', () => {
    const withPinyin = [{ ...port, pinyin: 'tianjingang tjg' }, { ...airport, pinyin: 'tianjinjichang tjjc' }];
    expect(suggestNames('tianjingan', withPinyin)[0]!.name_zh).toBe('天津港');
  });
  it('suggests nothing for text like no name', () => {
    expect(suggestNames('zzzzqqq', [port, airport, road])).toEqual([]);
  });
});

describe('matchCities', () => {
  const cities: City[] = [
    { id: 'ts', name_zh: '唐山', name_zh_full: '唐山市', name_en: 'Tangshan', population: 7, center: [118.18, 39.63] },
    { id: 'tj', name_zh: '天津', name_zh_full: '天津市', name_en: 'Tianjin', population: 11, center: [117.18, 39.14] },
    { id: 'ts2', name_zh: '天水', name_en: 'Tianshui', population: 3, center: [105.7, 34.6] },
  ];
  it('matches a Chinese or English name exactly or by its start, exact first then larger', () => {
    expect(matchCities('唐山', cities).map((c) => c.id)).toEqual(['ts']);
    expect(matchCities('tangshan', cities).map((c) => c.id)).toEqual(['ts']);
    expect(matchCities('天', cities).map((c) => c.id)).toEqual(['tj', 'ts2']);
    expect(matchCities('tian', cities).map((c) => c.id)).toEqual(['tj', 'ts2']);
    expect(matchCities('天津市', cities).map((c) => c.id)).toEqual(['tj']);
  });
  it("tells a city's own name from the start of one", () => {
    expect(isCityName('Tangshan', cities[0]!)).toBe(true);
    expect(isCityName('唐山市', cities[0]!)).toBe(true);
    expect(isCityName('唐', cities[0]!)).toBe(false);
  });
  it('does not match inside a name, nor one Latin letter', () => {
    expect(matchCities('山', cities)).toEqual([]);
    expect(matchCities('t', cities)).toEqual([]);
    expect(matchCities('天津港', cities)).toEqual([]);
  });
});
