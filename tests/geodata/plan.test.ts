import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { findPartners } from '../../geodata/build/extract-plan.ts';
import { PlanFileSchema } from '../../shared/schema.ts';
import type { PlanFile, PlanNode } from '../../shared/schema.ts';

// The plan text is kept in the repo beside the data made from it.
const PLAN_TEXT_PATH = path.resolve(process.cwd(), 'geodata/plan/tianjin-bohai-rim-implementation-plan.txt');
const PLAN_JSON_PATH = path.resolve(process.cwd(), 'geodata/plan/plan.json');

const raw = readFileSync(PLAN_TEXT_PATH, 'utf8');
const plan: PlanFile = PlanFileSchema.parse(JSON.parse(readFileSync(PLAN_JSON_PATH, 'utf8')));
const byId = new Map(plan.nodes.map((n) => [n.id, n]));
const ofKind = (k: PlanNode['kind']) => plan.nodes.filter((n) => n.kind === k);
const node = (id: string) => {
  const n = byId.get(id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};
const agencyId = (nameZh: string) => {
  const a = plan.agencies.find((x) => x.name_zh === nameZh);
  if (!a) throw new Error(`no agency ${nameZh}`);
  return a.id;
};

/** Counted from the raw text, without the extractor: non-empty lines after each 工作措施： up to the next heading. */
function measuresPerTaskFromText(): number[] {
  const heading = /^(\d+\.|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)/;
  const counts: number[] = [];
  let current: number | null = null;
  for (const line of raw.split(/\r?\n/).map((l) => l.trim())) {
    if (line === '工作措施：') {
      if (current !== null) counts.push(current);
      current = 0;
    } else if (heading.test(line)) {
      if (current !== null) counts.push(current);
      current = null;
    } else if (line && current !== null) {
      current++;
    }
  }
  if (current !== null) counts.push(current);
  return counts;
}
const closingParen = (text: string) => /（[^（）]*）$/.exec(text)?.[0] ?? null;

describe('geodata/plan/plan.json', () => {
  it('validates against PlanFileSchema', () => {
    expect(PlanFileSchema.safeParse(JSON.parse(readFileSync(PLAN_JSON_PATH, 'utf8'))).success).toBe(true);
  });

  it('has the document structure: 3 parts, 10 sections, 20 tasks, 3 goals', () => {
    expect(ofKind('preamble').map((n) => n.id)).toEqual(['pre']);
    expect(ofKind('part').map((n) => n.id)).toEqual(['1', '2', '3']);
    expect(ofKind('section')).toHaveLength(10);
    expect(ofKind('task')).toHaveLength(20);
    const goals = ofKind('goal');
    expect(goals.map((g) => g.year)).toEqual([2020, 2025, 2030]);
    expect(goals.map((g) => g.id)).toEqual(['1.2.g2020', '1.2.g2025', '1.2.g2030']);
  });

  it('has one measure per non-empty paragraph after each 工作措施：, counted from the raw text', () => {
    const fromText = measuresPerTaskFromText();
    expect(fromText).toHaveLength(20);
    const fromJson = ofKind('task').map((t) => plan.nodes.filter((n) => n.kind === 'measure' && n.parent === t.id).length);
    expect(fromJson).toEqual(fromText);
    expect(ofKind('measure')).toHaveLength(fromText.reduce((a, b) => a + b, 0));
  });

  it('quotes the plan verbatim', () => {
    for (const n of plan.nodes) {
      expect(n.text_zh, n.id).toBe(n.text_zh.trim());
      if (n.text_zh) expect(raw.includes(n.text_zh), n.id).toBe(true);
      expect(raw.includes(n.title_zh), `${n.id} title`).toBe(true);
      expect(n.title_en.trim().length, `${n.id} title_en`).toBeGreaterThan(0);
      for (const c of n.partner_cities) expect(n.text_zh.includes(c), `${n.id} ${c}`).toBe(true);
    }
    for (const m of ofKind('measure')) {
      expect(m.text_zh.length, m.id).toBeGreaterThan(0);
      expect(m.text_zh.startsWith(m.title_zh), m.id).toBe(true);
    }
    for (const t of ofKind('task')) expect(raw.includes(`工作任务：${t.text_zh}`), t.id).toBe(true);
  });

  it('has unique ids, existing parents and sibling orders 1..n', () => {
    expect(new Set(plan.nodes.map((n) => n.id)).size).toBe(plan.nodes.length);
    const siblings = new Map<string | null, number[]>();
    for (const n of plan.nodes) {
      if (n.parent !== null) expect(byId.has(n.parent), `${n.id} -> ${n.parent}`).toBe(true);
      siblings.set(n.parent, [...(siblings.get(n.parent) ?? []), n.order]);
    }
    for (const orders of siblings.values()) expect(orders).toEqual(orders.map((_, i) => i + 1));
    for (const m of ofKind('measure')) expect(m.id.startsWith(`${m.parent}.m`)).toBe(true);
  });

  it('gives every measure with a closing parenthesis its agencies, flags and a known agency table', () => {
    const agencyIds = new Set(plan.agencies.map((a) => a.id));
    expect(agencyIds.size).toBe(plan.agencies.length);
    expect(new Set(plan.agencies.map((a) => a.name_zh)).size).toBe(plan.agencies.length);
    for (const m of ofKind('measure')) {
      const paren = closingParen(m.text_zh);
      if (paren) {
        expect(m.agencies.length, m.id).toBeGreaterThan(0);
        for (const a of plan.agencies) {
          if (paren.includes(a.name_zh)) expect(m.agencies.some((x) => x.agency === a.id), `${m.id} ${a.name_zh}`).toBe(true);
        }
        expect(m.agencies_open_ended, m.id).toBe(paren.includes('等有关部门'));
        expect(m.with_districts, m.id).toBe(paren.includes('和区'));
      } else {
        expect(m.agencies, m.id).toEqual([]);
      }
    }
    for (const n of plan.nodes) for (const a of n.agencies) expect(agencyIds.has(a.agency), `${n.id} ${a.agency}`).toBe(true);
    expect(plan.agencies.find((a) => a.name_zh === '天津海关')?.name_en).toBe('Tianjin Customs');
    expect(plan.agencies.find((a) => a.name_zh === '市交通运输委')?.name_en).toBe('Tianjin Municipal Transport Commission');
  });

  it('spot-checks agencies', () => {
    const m1 = node('2.1.1.m1');
    const transport = agencyId('市交通运输委');
    expect(m1.agencies.filter((a) => a.role === 'lead').map((a) => a.agency)).toEqual([transport]);
    expect(m1.agencies).toContainEqual({ agency: agencyId('天津港集团'), role: 'cooperating' });
    expect(m1.agencies_open_ended).toBe(true);

    expect(node('2.4.1.m1').agencies).toEqual([{ agency: agencyId('市发展改革委'), role: 'lead' }]);

    // two leads
    expect(node('2.2.1.m3').agencies.filter((a) => a.role === 'lead').map((a) => a.agency)).toEqual([
      agencyId('市发展改革委'),
      agencyId('滨海新区人民政府'),
    ]);
    // shared, plus one cooperating
    const m3 = node('2.3.2.m3');
    expect(m3.agencies).toEqual([
      { agency: transport, role: 'shared' },
      { agency: agencyId('市商务委'), role: 'shared' },
      { agency: agencyId('天津港集团'), role: 'cooperating' },
    ]);
    // "市农委和区配合": districts without other departments
    const m2 = node('2.2.4.m2');
    expect(m2.with_districts).toBe(true);
    expect(m2.agencies_open_ended).toBe(false);
    expect(m2.agencies).toContainEqual({ agency: agencyId('市农委'), role: 'cooperating' });
    // the plan's own implementation lead
    expect(node('3.2').agencies).toEqual([{ agency: agencyId('市合作交流办'), role: 'lead' }]);
  });

  it('spot-checks partners', () => {
    expect(node('2.5.1.m1').partners).toEqual(expect.arrayContaining(['beijing', 'hebei', 'shanxi', 'inner-mongolia']));
    expect(node('2.2.1.m2').partners).toEqual(expect.arrayContaining(['beijing', 'hebei', 'shanxi', 'inner-mongolia', 'shandong', 'liaoning']));
    expect(node('2.2.1.m4').partner_cities).toEqual(['青岛', '烟台', '威海']);
    expect(node('2.2.1.m4').partners).toEqual(['shandong']);
    expect(node('2.2.1.m1').partners).toEqual(['hebei']); // 津冀 and 涉县; 京南 is a zone in Hebei
    expect(node('2.6.5.m2').partner_cities).toEqual(['承德']);
    expect(node('2.3.2.m1').partners).toEqual(expect.arrayContaining(['mongolia', 'inner-mongolia']));
    for (const n of plan.nodes) expect(n.partners, n.id).not.toContain('tianjin');
    expect(node('1.2.g2025').partners).toEqual([]);
  });

  it('takes partners from places, not from abbreviations inside a name', () => {
    // 陕京四线 and 中俄东线 are pipelines whose Tianjin sections the measure builds.
    expect(findPartners('加快陕京四线、中俄东线等跨区域输气管线天津段工程建设').partners).toEqual([]);
    expect(node('2.4.1.m1').partners).not.toContain('shaanxi');
    expect(node('2.4.1.m1').partners).not.toContain('russia');
    // the same measure names 内蒙古, 山西 and 京津冀 as places
    expect(node('2.4.1.m1').partners).toEqual(expect.arrayContaining(['inner-mongolia', 'shanxi', 'beijing', 'hebei']));
    // line, axis and company names
    expect(findPartners('建设京滨城际铁路、京津城际机场引入线').partners).toEqual([]);
    expect(findPartners('发挥天津在京津呼新发展轴上的辐射带动作用').partners).toEqual([]);
    expect(node('2.1.2.m1').partners).toEqual([]);
    expect(node('2.3.2.m3').partners).toEqual([]);
    // a place written out still counts, and an abbreviation standing for its province too
    expect(findPartners('畅通连接蒙俄的口岸运输通道').partners).toEqual(['mongolia', 'russia']);
    expect(findPartners('联合京冀，建成区域性防护体系').partners).toEqual(['beijing', 'hebei']);
    expect(findPartners('中俄合作').partners).toEqual(['russia']);
  });

  it('never makes a partner of a province that only an abbreviation inside a project name points to', () => {
    // Every node's partners, recomputed with the names of the mapped lines and programmes blanked
    // out, stay the same: those names add no partner of their own.
    const names = ['陕京四线', '中俄东线', '蒙西煤制气', '京滨城际', '京唐城际', '京津城际', '京沪高铁', '京秦', '京津呼新发展轴', '京津风沙源治理'];
    for (const n of plan.nodes) {
      const own = n.kind === 'part' || n.kind === 'section' || n.kind === 'task' ? `${n.title_zh}\n${n.text_zh}` : n.text_zh;
      const blanked = names.reduce((t, name) => t.split(name).join('·'), own);
      expect(n.partners, n.id).toEqual(findPartners(blanked).partners);
    }
  });

  it("gives today's name only where the 2018 reform list says so", () => {
    const byName = (zh: string) => plan.agencies.find((a) => a.name_zh === zh)!;
    expect(byName('市科委').name_now_zh).toBe('市科学技术局');
    expect(byName('市工业和信息化委').name_now_zh).toBe('市工业和信息化局');
    expect(byName('市规划局').name_now_zh).toBe('市规划和自然资源局');
    expect(byName('市环保局').name_now_zh).toBe('市生态环境局');
    expect(byName('市环保局').name_now_en).toBe('Tianjin Municipal Bureau of Ecology and Environment');
    // the plan's own names are kept
    expect(byName('市环保局').name_zh).toBe('市环保局');
    // unchanged agencies carry no second name
    expect(byName('市发展改革委').name_now_zh).toBeUndefined();
    for (const a of plan.agencies) expect(Boolean(a.name_now_zh), a.id).toBe(Boolean(a.name_now_en));
  });
});
