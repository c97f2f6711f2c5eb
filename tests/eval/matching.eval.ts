import fs from 'node:fs';
import path from 'node:path';
import { importData } from '@ka/seed';
import { COMPONENTS } from '@ka/server/src/matching/components';
import {
  borderKreisDistance,
  casesFor,
  EVAL_SIGNALS,
  evaluationCooperations,
  foldOf,
  metrics,
  nearestFirst,
  rankByWeights,
  resultOf,
  type CaseResult,
  type EvalCase,
  type Metrics,
  type SignalKey,
} from '@ka/server/src/matching/evaluation';
import { fitWeights, type SignalWeights } from '@ka/server/src/matching/fit';
import { REJECTED_SIGNALS } from '@ka/server/src/matching/rejected-signals';
import { defaultMaxDistanceKm, suggestPartners } from '@ka/server/src/matching/partners';
import { FITTED_WEIGHTS, weightsFor, type FittedWeights } from '@ka/server/src/matching/weights';
import { Database } from '@ka/server/src/db/database';
import { MatchingRepository, type StaticData } from '@ka/server/src/modules/matching/matching.repository';
import { createServices } from '@ka/server/src/context';
import { createDriver } from '@ka/db';
import { benchDatabase } from '../bench/harness';
import { BOARD_TEST_DATA_LABEL, boardOutcomeTable, createBoardTestData, printBoardTable } from './board-outcomes';
import { DATA_DIR, REPO_ROOT } from '../support/paths';

const FOLDS = 5;
const FITTED_FILE = path.join(REPO_ROOT, 'server', 'src', 'matching', 'fitted-weights.json');
const REPORT_FILE = path.join(REPO_ROOT, 'docs', 'matching-evaluation.md');
/** The weights set by hand before the fit, kept as a row so the report shows what fitting changed. */
const HAND_SET: FittedWeights = {
  PROXIMITY: { base: 0.5, perProximity: 3 },
  EXISTING_TIES: { base: 1.5, perProximity: 0 },
  SHARED_PARTNERS: { base: 0, perProximity: 0 },
  EXPERIENCE: { base: 2, perProximity: 0 },
  SIZE_FIT: { base: 1.5, perProximity: 0 },
  SAME_DISTRICT: { base: 1, perProximity: 0 },
  SHARED_REGION: { base: 0, perProximity: 0 },
};
const PRODUCT_SIGNALS = new Set<SignalKey>(COMPONENTS.map((c) => c.key));

/** Effective weights of every signal for a task (0 for the signals a fit did not use). */
function signalWeightsFor(
  task: { proximity: number },
  fitted: Partial<Record<string, { base: number; perProximity: number }>>,
): Partial<Record<SignalKey, number>> {
  return Object.fromEntries(
    EVAL_SIGNALS.map((s) => {
      const w = fitted[s.key] ?? { base: 0, perProximity: 0 };
      return [s.key, s.scalesWithProximity ? w.base + w.perProximity * task.proximity : w.base];
    }),
  );
}

type Ranker = (evalCase: EvalCase) => ReturnType<typeof nearestFirst>;

function evaluate(cases: EvalCase[], ranker: Ranker): CaseResult[] {
  return cases.map((c) => resultOf(c, ranker(c)));
}

/** The product's ranking under committed or hand-set defaults (rounded to the sliders' step, as users get them). */
const engineRanker =
  (data: StaticData, fitted: FittedWeights): Ranker =>
  (c) =>
    rankByWeights(c, weightsFor(data.taskAreas.get(c.taskAreaId)!, fitted));
/** A fold's ranking with the weights fitted on the other folds, including signals the product does not use. */
const fittedRanker =
  (data: StaticData, fitted: SignalWeights): Ranker =>
  (c) =>
    rankByWeights(c, signalWeightsFor(data.taskAreas.get(c.taskAreaId)!, fitted));

/** Cross-validated results: each fold ranked with weights fitted on the other folds (folds by cooperation). */
function crossValidated(
  cases: EvalCase[],
  data: StaticData,
  signals: ReadonlySet<SignalKey> = PRODUCT_SIGNALS,
  extra: EvalCase[] = [],
): { results: CaseResult[]; fits: SignalWeights[] } {
  const results: CaseResult[] = [];
  const fits: SignalWeights[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    // Board outcomes train too (folds by idea, as register cases by cooperation); the figures stay the register's.
    const training = [...cases, ...extra].filter((c) => foldOf(c.cooperationId, FOLDS) !== fold);
    const test = cases.filter((c) => foldOf(c.cooperationId, FOLDS) === fold);
    const fitted = fitWeights(training, data.taskAreas, { signals });
    fits.push(fitted);
    results.push(...evaluate(test, fittedRanker(data, fitted)));
  }
  return { results, fits };
}

const f3 = (x: number) => x.toFixed(3);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const row = (name: string, m: Metrics) => ({
  ranking: name,
  cases: m.cases,
  MRR: f3(m.mrr),
  'hit@5': pct(m.hit5),
  'hit@10': pct(m.hit10),
  'recall@10': pct(m.recall10),
});

function markdownTable(rows: Array<Record<string, string | number>>): string {
  const header = Object.keys(rows[0] ?? {});
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${header.map((h) => String(r[h])).join(' | ')} |`),
  ].join('\n');
}

async function loadSnapshot(uri: string | null): Promise<{ data: StaticData; database: Database; close: () => Promise<void> }> {
  if (uri) {
    // An existing database (the app's, with its register and the board's outcomes), read only.
    const driver = createDriver({ uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
    const database = new Database(driver, process.env.NEO4J_DATABASE ?? 'neo4j');
    const repository = new MatchingRepository(database);
    const data = await repository.staticData(await repository.datasetVersion());
    return { data, database, close: () => driver.close() };
  }
  const db = await benchDatabase();
  const report = await importData({ driver: db.driver, dataDir: DATA_DIR, scope: 'nrw' });
  if (report.problems.length > 0) throw new Error(`the register import reported bad rows:\n${report.problemLines().join('\n')}`);
  const database = new Database(db.driver, 'neo4j');
  const repository = new MatchingRepository(database);
  const data = await repository.staticData(await repository.datasetVersion());
  return { data, database, close: db.close };
}

/** The top five for one member of each given cooperation, with that cooperation hidden, and why. */
function printExamples(data: StaticData, ids: string[]): void {
  for (const id of ids) {
    const cooperation = data.cooperations.all().find((c) => c.id === id);
    if (!cooperation) {
      console.log(`\n${id}: not in the register`);
      continue;
    }
    const task = data.taskAreas.get(cooperation.taskAreaIds[0]!)!;
    const members = cooperation.members.filter((m) => m.kind === 'MUNICIPALITY' && data.geography.places.has(m.key)).map((m) => m.key);
    const focal = data.geography.places.get(members[0]!)!;
    const radius = defaultMaxDistanceKm(task);
    const evidence = data.cooperations.evidenceFor(data.geography, focal, task.id, radius, cooperation.id);
    const ranking = suggestPartners(data.geography, focal, task, evidence, {
      weights: weightsFor(task),
      limit: 5,
      targetPopulation: null,
      maxDistanceKm: radius,
      sizeFit: task.sizeFit,
      projectCostEur: null,
    });
    const names = members.map((ags) => data.geography.places.get(ags)!.name);
    console.log(`\n${id} ${cooperation.name} (${task.nameDe}); members: ${names.join(', ')}; asked for: ${focal.name}`);
    ranking.candidates.forEach((candidate, index) => {
      const hit = members.includes(candidate.place.ags) ? '  ← real member' : '';
      const top = [...candidate.score.components].sort((a, b) => b.points - a.points).slice(0, 3);
      console.log(`  ${index + 1}. ${candidate.place.name} — ${candidate.score.total.toFixed(0)} Punkte${hit}`);
      for (const c of top) console.log(`       ${COMPONENTS.find((d) => d.key === c.key)!.labelDe} ${c.points.toFixed(0)}: ${c.reasonDe}`);
    });
  }
}

/**
 * `pnpm eval matching [--fit] [--examples K01,A02] [--board-test-data] [--no-board] [--uri=bolt://…]`: how well the
 * ranking finds the partners who really cooperate (the register), and those who came together through the
 * Kooperationsbörse. By default it runs against a throw-away Neo4j with the register imported; `--uri` reads an
 * existing database instead (the app's, where the board's outcomes are; NEO4J_USER / NEO4J_PASSWORD if needed).
 */
export async function evalMatching(args: string[]): Promise<void> {
  const started = performance.now();
  const fit = args.includes('--fit');
  const examplesArg = args.find((a) => a.startsWith('--examples'));
  const uri = args.find((a) => a.startsWith('--uri='))?.slice('--uri='.length) ?? null;
  if (uri && args.includes('--board-test-data')) throw new Error('--board-test-data writes test data: only into the throw-away database, not with --uri');
  const { data, database, close } = await loadSnapshot(uri);
  try {
    // The second table reads the board's outcomes from the database this eval runs against. `--board-test-data`
    // first makes labelled test data there through the product's own path (never with --fit: test data must not
    // reach the committed weights).
    const testData = args.includes('--board-test-data');
    if (testData && fit) throw new Error('--board-test-data and --fit exclude each other: test data must not reach the committed weights');
    const boardServices = testData ? (await createBoardTestData(database, data)).services : createServices(database);
    const board = await boardOutcomeTable(boardServices, data);
    // Real outcomes train the weights too (docs/matching.md); test data never do, not even in the CV figures.
    const boardCases = args.includes('--no-board') || testData ? [] : board.cases;
    // A record the board brought about is measured once, in the second table (as the ranking the users saw), not
    // again here as a register cooperation, nor twice in the fit.
    const fromBoard = board.cooperationIds;
    const cooperations = evaluationCooperations(data.cooperations.all(), data.geography).filter((c) => !fromBoard.has(c.id));
    if (fromBoard.size > 0) console.log(`${fromBoard.size} register record(s) that came from board ideas are left to the second table.`);
    const cases: EvalCase[] = [];
    let withoutNewPartner = 0;
    for (const cooperation of cooperations) {
      const built = casesFor(cooperation, data.cooperations, data.geography, data.taskAreas);
      cases.push(...built.cases);
      withoutNewPartner += built.withoutNewPartner;
    }
    const found = cases.filter((c) => c.candidates.some((x) => c.targets.includes(x.ags))).length;
    console.log(
      `${cooperations.length} register cooperations with ${2}–${8} municipal members → ${cases.length} cases (one per member; ${withoutNewPartner} members left out because every other member is already their partner in the task through another cooperation); in ${found} cases at least one real partner lies within the default search radius.`,
    );

    // `--signals=A,B,…`: cross-validate one set of signals only (for trying a change before it is made).
    const signalsArg = args.find((a) => a.startsWith('--signals='));
    if (signalsArg) {
      const signals = new Set(signalsArg.split('=')[1]!.split(',') as SignalKey[]);
      const m = metrics(crossValidated(cases, data, signals, boardCases).results);
      console.log(`CV with ${[...signals].join(', ')}: MRR ${f3(m.mrr)}, hit@5 ${pct(m.hit5)}, hit@10 ${pct(m.hit10)}, recall@10 ${pct(m.recall10)}`);
      return;
    }
    const cv = crossValidated(cases, data, PRODUCT_SIGNALS, boardCases);
    if (boardCases.length > 0)
      console.log(`\nThe fit includes ${boardCases.length} board outcome(s) as extra training pairs (folds by idea); --no-board leaves them out.`);
    const nearest = evaluate(cases, nearestFirst);
    const borderKreis = evaluate(cases, borderKreisDistance);
    const committed = evaluate(cases, engineRanker(data, FITTED_WEIGHTS));
    const handSet = evaluate(cases, engineRanker(data, HAND_SET));
    const overall = [
      row('engine, weights fitted on the other folds (5-fold CV by cooperation)', metrics(cv.results)),
      row('engine, committed default weights (in-sample)', metrics(committed)),
      row('engine, hand-set weights before the fit', metrics(handSet)),
      row('baseline: nearest municipality', metrics(nearest)),
      row('baseline: shared border, then same Kreis, then distance', metrics(borderKreis)),
    ];
    console.log('\nOverall');
    console.table(overall);
    printBoardTable(board, testData ? BOARD_TEST_DATA_LABEL : null);
    if (testData && board.cases.length > 0) {
      // What adding outcomes to the fit does, shown on the test data only, beside the figures above (which exclude them).
      const m = metrics(crossValidated(cases, data, PRODUCT_SIGNALS, board.cases).results);
      console.log(
        `With these ${board.cases.length} TEST DATA ideas as extra training pairs (folds by idea), the register's CV figures would be: MRR ${f3(m.mrr)}, hit@5 ${pct(m.hit5)}, hit@10 ${pct(m.hit10)} (above, without them: MRR ${f3(metrics(cv.results).mrr)}).`,
      );
    }

    const tasks = [...new Set(cases.map((c) => c.taskAreaId))].sort();
    const perTask = tasks
      .map((taskAreaId) => {
        const pick = (results: CaseResult[]) => metrics(results.filter((r) => r.taskAreaId === taskAreaId));
        const engine = pick(cv.results);
        const best = Math.max(pick(nearest).mrr, pick(borderKreis).mrr);
        return {
          'task area': taskAreaId,
          cases: engine.cases,
          'engine MRR (CV)': f3(engine.mrr),
          'engine hit@10': pct(engine.hit10),
          'nearest MRR': f3(pick(nearest).mrr),
          'nearest hit@10': pct(pick(nearest).hit10),
          'border/Kreis MRR': f3(pick(borderKreis).mrr),
          'border/Kreis hit@10': pct(pick(borderKreis).hit10),
          verdict: engine.mrr > best + 0.005 ? 'engine better' : engine.mrr < best - 0.005 ? 'BASELINE BETTER' : 'about equal',
        };
      })
      .sort((a, b) => b.cases - a.cases || a['task area'].localeCompare(b['task area']));
    console.log('\nPer task area (engine cross-validated)');
    console.table(perTask);

    const base = metrics(cv.results);
    const variant = (change: string, signals: Set<SignalKey>) => {
      const m = metrics(crossValidated(cases, data, signals, boardCases).results);
      const delta = (x: number, y: number) => (x - y >= 0 ? '+' : '') + f3(x - y);
      return {
        change,
        'MRR (CV)': f3(m.mrr),
        'Δ MRR': delta(m.mrr, base.mrr),
        'hit@10': pct(m.hit10),
        'Δ hit@10': `${((m.hit10 - base.hit10) * 100).toFixed(1)} pt`,
      };
    };
    const ablation = [
      ...COMPONENTS.map((c) => variant(`without ${c.key}`, new Set([...PRODUCT_SIGNALS].filter((k) => k !== c.key)))),
      ...REJECTED_SIGNALS.map((s) => variant(`with ${s.key} (not kept)`, new Set([...PRODUCT_SIGNALS, s.key]))),
      variant('with all signals not kept', new Set([...PRODUCT_SIGNALS, ...REJECTED_SIGNALS.map((s) => s.key)])),
    ];
    console.log(
      `\nAblation: each component left out, each signal not kept added, and the weights fitted again (CV); the engine as it is: MRR ${f3(base.mrr)}, hit@10 ${pct(base.hit10)}`,
    );
    console.table(ablation);

    const weightTable = COMPONENTS.map((c) => {
      const values = cv.fits.map((w) => w[c.key as SignalKey]);
      const spread = (pick: (w: { base: number; perProximity: number }) => number) =>
        `${Math.min(...values.map(pick)).toFixed(2)}–${Math.max(...values.map(pick)).toFixed(2)}`;
      return {
        component: c.key,
        'base (committed)': FITTED_WEIGHTS[c.key].base,
        'per proximity (committed)': FITTED_WEIGHTS[c.key].perProximity,
        'base across folds': spread((w) => w.base),
        'per proximity across folds': spread((w) => w.perProximity),
      };
    });
    console.log('\nWeights: committed defaults and their spread over the five folds');
    console.table(weightTable);

    if (fit) {
      const all = fitWeights([...cases, ...boardCases], data.taskAreas);
      const fitted = Object.fromEntries(COMPONENTS.map((c) => [c.key, all[c.key]])) as FittedWeights;
      const fittedAt = new Date().toISOString().slice(0, 10);
      fs.writeFileSync(
        FITTED_FILE,
        `${JSON.stringify({ note: `fitted by \`pnpm eval matching --fit\` on ${cases.length} leave-one-out cases from ${cooperations.length} register cooperations${boardCases.length > 0 ? ` and ${boardCases.length} board outcomes` : ''} (${fittedAt}); see docs/matching.md`, weights: fitted }, null, 2)}\n`,
      );
      const report = [
        '# Matching evaluation on the register',
        '',
        `Written by \`pnpm eval matching --fit\` on ${fittedAt}. ${cooperations.length} register cooperations with 2–8 municipal members; one case per member (${cases.length} cases; ${withoutNewPartner} members left out because all other members already are their partners in the task through another cooperation). Each cooperation is hidden from the evidence while it is asked about. MRR = mean reciprocal rank of the first real partner; hit@k = share of cases with a real partner in the top k; recall@10 = share of the real partners in the top 10. How the fit works: docs/matching.md.`,
        '',
        '## Overall',
        '',
        markdownTable(overall),
        '',
        '## Per task area (engine cross-validated)',
        '',
        markdownTable(perTask),
        '',
        `## Ablation (each component left out, each signal not kept added, weights fitted again, CV; the engine as it is: MRR ${f3(base.mrr)})`,
        '',
        markdownTable(ablation),
        '',
        '## Fitted weights (written to server/src/matching/fitted-weights.json)',
        '',
        markdownTable(COMPONENTS.map((c) => ({ component: c.key, base: fitted[c.key].base, 'per proximity': fitted[c.key].perProximity }))),
        '',
      ].join('\n');
      fs.writeFileSync(REPORT_FILE, report);
      console.log(`\nfitted on all ${cases.length} cases; wrote ${path.relative(REPO_ROOT, FITTED_FILE)} and ${path.relative(REPO_ROOT, REPORT_FILE)}`);
      console.table(COMPONENTS.map((c) => ({ component: c.key, base: fitted[c.key].base, 'per proximity': fitted[c.key].perProximity })));
    }
    if (examplesArg) printExamples(data, (examplesArg.split('=')[1] ?? args[args.indexOf(examplesArg) + 1] ?? '').split(',').filter(Boolean));
    console.log(`\neval matching took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await close();
  }
}
