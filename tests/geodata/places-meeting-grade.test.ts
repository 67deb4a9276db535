/**
 * The place data read as a planner would in a meeting: Chinese notes, precision that claims no more
 * than its source, stages from the plan's own verb, the Erenhot split and the places the plan names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanFileSchema, ProjectFileSchema, type ProjectFeature } from '#shared/schema.ts';
import { CATEGORIES, STAGES } from '#shared/taxonomy.ts';

const dir = 'geodata/projects';
const files = readdirSync(dir).filter((f) => f.endsWith('.geojson'));
const plan = PlanFileSchema.parse(JSON.parse(readFileSync('geodata/plan/plan.json', 'utf8')));
const nodeText = new Map(plan.nodes.map((n) => [n.id, n.text_zh]));
const byFile = new Map(files.map((f) => [f, ProjectFileSchema.parse(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))).features]));
const features: ProjectFeature[] = [...byFile.values()].flat();
const get = (id: string) => {
  const f = features.find((x) => x.properties.id === id);
  if (!f) throw new Error(`no feature ${id}`);
  return f.properties;
};
const HAN = /[\u4e00-\u9fff]/;

describe('place data, meeting-grade', () => {
  it('says in Chinese what every feature is and where its geometry comes from', () => {
    for (const f of features) {
      const p = f.properties;
      expect(HAN.test(p.note_zh), `${p.id} note_zh`).toBe(true);
      expect(HAN.test(p.source_zh), `${p.id} source_zh`).toBe(true);
      expect(p.note_zh, p.id).not.toBe(p.note);
      // dataset identifiers are carried over: every GeoNames id of the English source is in the Chinese one
      for (const id of p.source.match(/\b\d{6,8}\b/g) ?? []) expect(p.source_zh, `${p.id} ${id}`).toContain(id);
    }
  });

  it('marks points that stand for something else as representative, never exact', () => {
    const representative = [
      'huabei-gas-storage', // the operator's seat
      'chengde-poverty-counties', // the city for its counties
      'yongding-river-flood-area', // a county seat for a flood area
      'dagang-oilfield', // the company seat for an oilfield
      'luan-river-eco-compensation',
      'shexian-tiantie-circular-economy-zone',
      'jingjin-intercity-airport-link',
    ];
    for (const id of representative) expect(get(id).precision, id).toBe('representative');
    for (const f of features) {
      const p = f.properties;
      if (p.precision === 'representative') {
        expect(f.geometry.type, p.id).toMatch(/Point$/);
        expect(p.note, p.id).toMatch(/^Representative point/);
        expect(p.note_zh, p.id).toMatch(/^代表点/);
      }
      // a seat, a county seat or a host city is never the exact site of the thing itself
      if (/\bseat\b|host cities|stands for/.test(`${p.source} ${p.note ?? ''}`)) expect(p.precision, p.id).not.toBe('exact');
    }
    // the plan names no site for the exhibition centre (it says 滨海新区; it was built in 津南区)
    expect(get('national-exhibition-center-tianjin').precision).not.toBe('exact');
  });

  it('splits the Erenhot corridor into the existing line (2.1.3) and the one to build (2.3.2)', () => {
    const existing = get('landbridge-erenhot');
    const toBuild = get('erenhot-tianjin-port-railway');
    expect(existing.stage).toBe('existing');
    expect(STAGES[existing.stage].status).toBe('operation');
    expect(existing.mentions.map((m) => m.node)).toEqual(['2.1.3.m1']);
    expect(existing.mentions[0]!.phrase).toContain('已有');
    expect(toBuild.stage).toBe('construction');
    expect(toBuild.mentions).toEqual([{ node: '2.3.2.m1', phrase: '二连浩特口岸至天津港口的铁路通道建设' }]);
    expect(toBuild.name_zh).toBe('二连浩特口岸至天津港口的铁路通道');
    // nothing the plan calls 已有 is under construction
    for (const f of features) {
      if (f.properties.mentions.some((m) => m.phrase.includes('已有'))) expect(f.properties.stage, f.properties.id).not.toBe('construction');
    }
  });

  it('adds the places the plan names, each quoting its clause', () => {
    const added: [string, string, string, ProjectFeature['properties']['precision']][] = [
      ['jingjinhu-development-axis', '2.1.1.m1', '京津呼新发展轴', 'schematic'],
      ['shanxi-inner-mongolia-container-trains', '2.1.3.m1', '山西、内蒙古至天津的集装箱班列', 'schematic'],
      ['china-europe-trains', '2.3.2.m1', '南仓、新港北等中欧班列枢纽节点', 'schematic'],
      ['jingjinji-power-grid', '2.4.1.m1', '京津冀电网', 'region'],
    ];
    for (const [id, node, words, precision] of added) {
      const p = get(id);
      const m = p.mentions.find((x) => x.node === node);
      expect(m, id).toBeDefined();
      expect(m!.phrase, id).toContain(words);
      expect(nodeText.get(node), id).toContain(m!.phrase);
      expect(p.precision, id).toBe(precision);
    }
    // the axis runs through the three cities of its name: Tianjin, Beijing, Hohhot
    const axis = features.find((f) => f.properties.id === 'jingjinhu-development-axis')!.geometry;
    expect(axis.type).toBe('LineString');
    if (axis.type === 'LineString') expect(axis.coordinates).toEqual([[117.1767, 39.1422], [116.3972, 39.9075], [111.6522, 40.8106]]);
  });

  it("reads each stage from the plan's own verb", () => {
    expect(get('lingang-economic-zone').stage).not.toBe('construction'); // 以…为核心区域
    expect(get('three-north-shelterbelt-north-china').stage).not.toBe('construction'); // 深度融入
    expect(get('dagang-oilfield').stage).toBe('exploration'); // 推进…勘探
    expect(STAGES.exploration.status).toBe('ongoing');
    expect(get('yongding-river-flood-area').stage).toBe('upgrade'); // 达标治理
    expect(get('jiyun-river').stage).toBe('upgrade');
    expect(get('hangshuang-road').category).toBe('urban-road'); // 航双路 is a city road
    expect(CATEGORIES['urban-road'].geometry).toBe('line');
  });

  it('keeps each sources file in step with its data', () => {
    for (const [file, list] of byFile) {
      const md = readFileSync(`${dir}/${file.replace('.geojson', '.sources.md')}`, 'utf8');
      const count = /(\d+) features/.exec(md);
      expect(count, file).not.toBeNull();
      expect(Number(count![1]), file).toBe(list.length);
    }
    const energy = readFileSync(`${dir}/energy-ecology.sources.md`, 'utf8');
    const lng = features.find((f) => f.properties.id === 'tianjin-lng-shandong-gas-pipeline')!.geometry;
    if (lng.type === 'LineString') expect(energy).toContain(`(${lng.coordinates[0]!.join(', ')})`);
    const transport = readFileSync(`${dir}/transport.sources.md`, 'utf8');
    expect(transport).not.toMatch(/Bole/); // the Horgos branch runs Jinghe – Yining – Huocheng – Horgos
  });
});
