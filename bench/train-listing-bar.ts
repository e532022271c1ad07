// Trains the learned listing bar (source/entities/listing-bar.ts) on the hand-labelled samples of
// thaigov-2k entities (bench/fixtures/entities-junk-labels*.tsv, each entity read by a person:
// name or junk), and scores it by leave-one-file-out cross-validation: every file is scored by a
// model (and a threshold) learned on the others only, with any entity it shares with them left out
// of their training. The shipped table is learned on all the files; its per-kind odds are picked
// from the trade printed on the pooled out-of-fold scores, so that the labelled names the rules and
// the bar keep listed stay at or above --recall (0.95 by default; a warning when they do not).
// Run: node --import tsx bench/train-listing-bar.ts [--write] [--recall 0.95] [--odds P,O,L | --odds 2] [--held-out FILE] [--drop F,G] [--moved] [--quick] [--anchor] [--lambda L,M]
// (then npx prettier --write source/entities/listing-bar-table.ts)
// (--drop: train without these features, their column held at zero: how a feature is judged, leave-one-file-out.)
// (--odds: leave out where no name is this many times likelier than a name; one figure, or one per
// kind: person, organization, place; 1,0.75,0.5 by default since stop 26.)
// (--moved: every entity of thaigov-2k the rules list whose verdict the table trained now would
// change against the shipped one, by mentions, with every label file's word on it and a sentence:
// run it before --write, and read each; the guard is that no real name of 5 or more mentions is hidden.)
// (--quick: no nested thresholds, a tenth of the fits. --lambda: these L2 strengths only. --anchor:
// the L2 pull is toward the shipped table's weights, not zero: a retrain that moves only as far as
// the labels ask; its out-of-fold scores favour it on the files the shipped table was trained on.)
// (--write rewrites source/entities/listing-bar-table.ts; a held-out file is never trained on and
// only reported, with the shipped table. BAR_DUMP=1 prints the out-of-fold errors, BAR_CURVE=1 junk
// and names by rank, BAR_STUMPS=1 the same folds with boosted stumps, the model it was compared with.)
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {loadJsonlArticles} from './entities.js';
import {JUNK_LABELS, thaigov2k} from './data.js';
import {buildEntityIndex} from '../source/entities/builder.js';
import {BAR_FEATURES, FEATURE_COUNT, weighedByBar} from '../source/entities/listing-bar.js';
import {LISTING_BAR} from '../source/entities/listing-bar-table.js';
import type {Entity, EntityKind} from '../source/entities/types.js';

const {values} = parseArgs({
	options: {
		write: {type: 'boolean', default: false},
		recall: {type: 'string', default: '0.95'},
		odds: {type: 'string', default: '1,0.75,0.5'},
		'held-out': {type: 'string', multiple: true, default: []},
		drop: {type: 'string', default: ''},
		moved: {type: 'boolean', default: false},
		quick: {type: 'boolean', default: false},
		anchor: {type: 'boolean', default: false},
		lambda: {type: 'string', default: ''},
	},
});
const targetRecall = Number(values.recall);
/** The shipped thresholds, per kind: leave out only where no name is this many times likelier than a name. */
const oddsByKind = values.odds.split(',').map(Number);
if (oddsByKind.length === 1) oddsByKind.push(oddsByKind[0]!, oddsByKind[0]!);
if (oddsByKind.length !== 3 || oddsByKind.some((o) => !(o > 0))) {
	console.error('khao train-listing-bar: --odds takes one positive number or three (person, organization, place)');
	process.exit(2);
}
const oddsThresholds = oddsByKind.map((o) => Math.log(o));
const FILES = JUNK_LABELS;
/** Features held at zero (--drop): the same folds without them. */
const dropped = values.drop === '' ? [] : values.drop.split(',').map((name) => BAR_FEATURES.indexOf(name as (typeof BAR_FEATURES)[number]));
if (dropped.includes(-1)) {
	console.error(`khao train-listing-bar: --drop takes feature names (${BAR_FEATURES.join(', ')})`);
	process.exit(2);
}
const KINDS: EntityKind[] = ['person', 'organization', 'place'];
/** L2 strengths tried; the one with the best out-of-fold log-loss is used. */
const LAMBDAS = values.lambda === '' ? [0.3, 1, 3, 10, 30] : values.lambda.split(',').map(Number);

if (!existsSync(thaigov2k)) {
	console.log(`skip: ${thaigov2k} is absent`);
	process.exit(0);
}
const started = performance.now();
const articles = loadJsonlArticles(thaigov2k, Infinity);
const index = buildEntityIndex(articles, {everyEntity: true});
console.log(`thaigov-2k's entities built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const byId = new Map<string, Entity>(index.all().map((e) => [e.id, e]));

interface Row {
	file: number;
	id: string;
	junk: boolean;
	kind: EntityKind;
	x: Float64Array;
	/** The rules (evidence.ts) already leave it out. */
	ruled: boolean;
	/** The shipped table leaves it out. */
	shipped?: boolean;
}
/** Labelled rows whose entity is still found; those not found are counted (their extent moved). */
function readRows(file: string, fileNo: number): {rows: Row[]; missing: number} {
	const rows: Row[] = [];
	let missing = 0;
	for (const line of readFileSync(new URL(`fixtures/${file}`, import.meta.url), 'utf8').split('\n')) {
		if (line.startsWith('#')) continue;
		const [, label, id] = line.split('\t');
		if (id === undefined || (label !== 'name' && label !== 'junk')) continue;
		const e = byId.get(id);
		if (e === undefined || e.barFeatures === undefined || !KINDS.includes(e.kind)) {
			missing++;
			continue;
		}
		const ruled = e.unlisted !== undefined && e.unlisted !== 'learned-bar';
		const x = e.barFeatures.slice();
		for (const i of dropped) x[i] = 0;
		rows.push({file: fileNo, id, junk: label === 'junk', kind: e.kind, x, ruled, shipped: e.unlisted === 'learned-bar'});
	}
	return {rows, missing};
}
const all: Row[] = [];
FILES.forEach((file, i) => {
	const {rows, missing} = readRows(file, i);
	all.push(...rows);
	console.log(`${file}: ${rows.length} labelled entities found (${rows.filter((r) => r.junk).length} junk), ${missing} not found`);
});
// The tagger's shares where it knows nothing of an entity (switched off, or a name only in Latin):
// the mean over the labelled entities it read. The features hold the shipped table's mean there; it
// is put back to this one, so that a run does not depend on the table it replaces.
const TAGGER_SHARES = (['tagged-same-share', 'untagged-share'] as const).map((name) => BAR_FEATURES.indexOf(name));
const unknownToTaggerX = (x: Float64Array): boolean => TAGGER_SHARES.every((i, k) => x[i] === LISTING_BAR.taggerMeans[k]);
const unknownToTagger = (r: Row): boolean => unknownToTaggerX(r.x);
const taggerRead = all.filter((r) => !unknownToTagger(r));
const taggerMeans = TAGGER_SHARES.map((i) => taggerRead.reduce((a, r) => a + r.x[i]!, 0) / taggerRead.length);
for (const r of all) if (unknownToTagger(r)) TAGGER_SHARES.forEach((i, k) => (r.x[i] = taggerMeans[k]!));

// ---- the model: logistic regression on standardised features, a shared weight and one per kind
// for each feature (x copied into a shared block and its kind's block), L2 on all but the bias.
interface Model {
	means: number[];
	scales: number[];
	shared: number[];
	perKind: number[][];
	/** The weights as fitted (a start for a fit on nearly the same rows). */
	raw: Float64Array;
}
const WIDTH = FEATURE_COUNT * 4;
/** A row's standardised features (the bias first, 1): its design row is this twice, in the shared block and its kind's. */
function standardised(r: Row, means: number[], scales: number[]): Float64Array {
	return Float64Array.from({length: FEATURE_COUNT}, (_, i) => (i === 0 ? 1 : (r.x[i]! - means[i]!) / scales[i]!));
}
/**
 * The shipped table's weights as they read these standardised features (--anchor: the fit is drawn
 * toward them instead of toward zero, so that a retrain moves the table only as far as the labels ask).
 * A weight on (x − m₀)/s₀ is w·s/s₀ on (x − m)/s, and its block's bias takes w·(m − m₀)/s₀.
 */
function shippedWeights(means: readonly number[], scales: readonly number[]): Float64Array {
	const out = new Float64Array(WIDTH);
	const blocks = [LISTING_BAR.shared, ...LISTING_BAR.perKind];
	blocks.forEach((a0, b) => {
		let bias = a0[0] ?? 0;
		for (let i = 1; i < FEATURE_COUNT; i++) {
			const a = a0[i] ?? 0;
			const m0 = LISTING_BAR.means[i] ?? 0;
			const s0 = LISTING_BAR.scales[i] ?? 1;
			out[b * FEATURE_COUNT + i] = (a * scales[i]!) / s0;
			bias += (a * (means[i]! - m0)) / s0;
		}
		out[b * FEATURE_COUNT] = bias;
	});
	return out;
}
let newtonSteps = 0;
let fits = 0;
/** `start`: weights to begin from (the optimum is the same: the loss is convex; only the steps to it are fewer). */
function fit(rows: readonly Row[], lambda: number, start?: Float64Array): Model {
	fits++;
	const means = new Array<number>(FEATURE_COUNT).fill(0);
	const scales = new Array<number>(FEATURE_COUNT).fill(1);
	for (let i = 1; i < FEATURE_COUNT; i++) {
		const xs = rows.map((r) => r.x[i]!);
		const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
		const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
		means[i] = mean;
		scales[i] = sd > 1e-9 ? sd : 1;
	}
	const X = rows.map((r) => standardised(r, means, scales));
	const kindOf = rows.map((r) => KINDS.indexOf(r.kind));
	const F = FEATURE_COUNT;
	const w = start === undefined ? new Float64Array(WIDTH) : start.slice();
	const toward = values.anchor ? shippedWeights(means, scales) : new Float64Array(WIDTH);
	// Newton's method (the problem is small: a couple of thousand rows, 4 blocks of weights). A row
	// touches the shared block and its kind's with the same x, so the Hessian is three per-kind sums
	// of s·x·xᵀ: H[shared][shared] = their total, H[shared][kind] = H[kind][kind] = the kind's own.
	for (let iter = 0; iter < 50; iter++) {
		const grad = new Float64Array(WIDTH);
		const A = KINDS.map(() => new Float64Array(F * F));
		X.forEach((x, n) => {
			const k = kindOf[n]!;
			const own = F * (k + 1);
			let z = 0;
			for (let i = 0; i < F; i++) z += x[i]! * (w[i]! + w[own + i]!);
			const p = 1 / (1 + Math.exp(-z));
			const y = rows[n]!.junk ? 1 : 0;
			const s = p * (1 - p);
			const a = A[k]!;
			for (let i = 0; i < F; i++) {
				const g = (p - y) * x[i]!;
				grad[i]! += g;
				grad[own + i]! += g;
				const si = s * x[i]!;
				// The upper triangle only; mirrored below.
				for (let j = i; j < F; j++) a[i * F + j]! += si * x[j]!;
			}
		});
		const H = new Float64Array(WIDTH * WIDTH);
		A.forEach((a, k) => {
			const own = F * (k + 1);
			for (let i = 0; i < F; i++) {
				for (let j = i; j < F; j++) {
					const v = a[i * F + j]!;
					for (const [r, c] of [
						[i, j],
						[i, own + j],
						[own + i, j],
						[own + i, own + j],
					] as const) {
						H[r * WIDTH + c]! += v;
						if (i !== j) H[c * WIDTH + r]! += v;
					}
				}
			}
		});
		for (let i = 0; i < WIDTH; i++) {
			const bias = i % FEATURE_COUNT === 0;
			// Shared bias unpenalised; per-kind biases lightly; the rest by lambda.
			const l = i === 0 ? 1e-6 : bias ? lambda / 10 : lambda;
			grad[i]! += l * (w[i]! - toward[i]!);
			H[i * WIDTH + i]! += l;
		}
		const step = solve(H, grad);
		let moved = 0;
		for (let i = 0; i < WIDTH; i++) {
			w[i]! -= step[i]!;
			moved = Math.max(moved, Math.abs(step[i]!));
		}
		if (moved < 1e-8) {
			newtonSteps += iter + 1;
			break;
		}
		if (iter === 49) newtonSteps += 50;
	}
	const shared = Array.from(w.slice(0, FEATURE_COUNT));
	const perKind = KINDS.map((_, k) => Array.from(w.slice(FEATURE_COUNT * (k + 1), FEATURE_COUNT * (k + 2))));
	return {means, scales, shared, perKind, raw: w};
}
/** Solves H·x = b for a symmetric positive definite H (n × n, flat, row-major), by Cholesky: H = L·Lᵀ. */
function solve(H: Float64Array, b: Float64Array): Float64Array {
	const n = b.length;
	const L = new Float64Array(n * n);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j <= i; j++) {
			let sum = H[i * n + j]!;
			for (let k = 0; k < j; k++) sum -= L[i * n + k]! * L[j * n + k]!;
			L[i * n + j] = i === j ? Math.sqrt(sum) : sum / L[j * n + j]!;
		}
	}
	const y = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		let sum = b[i]!;
		for (let k = 0; k < i; k++) sum -= L[i * n + k]! * y[k]!;
		y[i] = sum / L[i * n + i]!;
	}
	const x = new Float64Array(n);
	for (let i = n - 1; i >= 0; i--) {
		let sum = y[i]!;
		for (let k = i + 1; k < n; k++) sum -= L[k * n + i]! * x[k]!;
		x[i] = sum / L[i * n + i]!;
	}
	return x;
}
function logit(m: Model, r: Row): number {
	const k = KINDS.indexOf(r.kind);
	let z = 0;
	for (let i = 0; i < FEATURE_COUNT; i++) {
		const v = i === 0 ? 1 : (r.x[i]! - m.means[i]!) / m.scales[i]!;
		z += v * (m.shared[i]! + m.perKind[k]![i]!);
	}
	return z;
}

/** The lowest threshold that keeps the labelled names listed at or above the target (rules' losses counted). */
function thresholdFor(scored: ReadonlyArray<{r: Row; z: number}>): number {
	const names = scored.filter((s) => !s.r.junk);
	const keptByRules = names
		.filter((s) => !s.r.ruled)
		.map((s) => s.z)
		.sort((a, b) => b - a);
	// Names may be lost to the bar until recall would fall below the target.
	const budget = Math.floor(names.length * (1 - targetRecall)) - (names.length - keptByRules.length);
	if (budget < 0) return Infinity;
	// Left out: logit > threshold. The budget-th highest name's logit (ties kept) stands as the threshold.
	return budget >= keptByRules.length ? -Infinity : keptByRules[budget]!;
}

/** Out-of-fold logits for rows of the files `test`, from models trained on `train` (minus shared ids). */
function outOfFold(rows: readonly Row[], lambda: number, nested: boolean, start?: Float64Array): Array<{r: Row; z: number; t: number}> {
	const out: Array<{r: Row; z: number; t: number}> = [];
	const files = [...new Set(rows.map((r) => r.file))];
	for (const f of files) {
		const test = rows.filter((r) => r.file === f);
		const testIds = new Set(test.map((r) => r.id));
		const train = dedupe(rows.filter((r) => r.file !== f && !testIds.has(r.id)));
		const model = fit(train, lambda, start);
		// The threshold from the training files' own out-of-fold scores (nested), never the test file's.
		const t = nested ? thresholdFor(outOfFold(train, lambda, false, model.raw)) : 0;
		for (const r of test) out.push({r, z: logit(model, r), t});
	}
	return out;
}
function dedupe(rows: readonly Row[]): Row[] {
	const seen = new Set<string>();
	return rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}
function logLoss(scored: ReadonlyArray<{r: Row; z: number}>): number {
	let s = 0;
	for (const {r, z} of scored) {
		const p = Math.min(1 - 1e-9, Math.max(1e-9, 1 / (1 + Math.exp(-z))));
		s -= r.junk ? Math.log(p) : Math.log(1 - p);
	}
	return s / scored.length;
}

// Strength by out-of-fold log-loss (on the rows the rules list: the bar judges only those).
let best = {lambda: LAMBDAS[0]!, loss: Infinity};
const outOfFoldBy = new Map<number, Array<{r: Row; z: number; t: number}>>();
for (const lambda of LAMBDAS) {
	outOfFoldBy.set(lambda, outOfFold(all, lambda, false));
	const loss = logLoss(outOfFoldBy.get(lambda)!.filter((s) => !s.r.ruled));
	console.log(`lambda ${lambda}: out-of-fold log-loss ${loss.toFixed(4)} (listed rows)`);
	if (loss < best.loss) best = {lambda, loss};
}
const lambda = best.lambda;

// Leave-one-file-out: per file, junk still listed and names lost, rules alone vs rules + bar, for
// two thresholds: odds (fixed) and the recall target (learned on the other files, nested).
// (--quick: the recall target's nested thresholds, nine tenths of the fits, are not worked out.)
const nestedScored = values.quick ? outOfFoldBy.get(lambda)! : outOfFold(all, lambda, true);
const scored = nestedScored.map((s) => ({...s, t: oddsThresholds[KINDS.indexOf(s.r.kind)]!}));
for (const [policy, rows] of [
	[`odds ${oddsByKind.join('/')}:1 (person/organization/place; logit ${oddsThresholds.map((t) => t.toFixed(2)).join('/')})`, scored],
	...(values.quick ? [] : ([[`names listed >= ${targetRecall} (threshold nested)`, nestedScored]] as const)),
] as const) {
	console.log(`\nleave-one-file-out, lambda ${lambda}, threshold: ${policy}`);
	console.log('file\tjunk\tnames\tjunk listed: rules → +bar\tnames lost: rules → +bar');
	const totals = {junk: 0, names: 0, rulesJunk: 0, barJunk: 0, rulesLost: 0, barLost: 0};
	FILES.forEach((file, f) => {
		const inFile = rows.filter((s) => s.r.file === f);
		const junk = inFile.filter((s) => s.r.junk);
		const names = inFile.filter((s) => !s.r.junk);
		const rulesJunk = junk.filter((s) => !s.r.ruled).length;
		const barJunk = junk.filter((s) => !s.r.ruled && !(s.z > s.t)).length;
		const rulesLost = names.filter((s) => s.r.ruled).length;
		const barLost = names.filter((s) => s.r.ruled || s.z > s.t).length;
		console.log(`${file}\t${junk.length}\t${names.length}\t${rulesJunk} → ${barJunk}\t${rulesLost} → ${barLost}`);
		totals.junk += junk.length;
		totals.names += names.length;
		totals.rulesJunk += rulesJunk;
		totals.barJunk += barJunk;
		totals.rulesLost += rulesLost;
		totals.barLost += barLost;
	});
	console.log(
		`all\t${totals.junk}\t${totals.names}\t${totals.rulesJunk} → ${totals.barJunk}\t${totals.rulesLost} → ${totals.barLost} (names listed ${(1 - totals.rulesLost / totals.names).toFixed(3)} → ${(1 - totals.barLost / totals.names).toFixed(3)})`,
	);
	for (const kind of KINDS) {
		const ofKind = rows.filter((s) => s.r.kind === kind);
		const j = ofKind.filter((s) => s.r.junk && !s.r.ruled);
		const n = ofKind.filter((s) => !s.r.junk && !s.r.ruled);
		console.log(`  ${kind}: junk listed ${j.length} → ${j.filter((s) => !(s.z > s.t)).length}, names listed ${n.length} → ${n.filter((s) => !(s.z > s.t)).length}`);
	}
}

// The shipped table as it stands (in sample on the files it was trained on, out of sample on later ones).
{
	const listed = all.filter((r) => !r.ruled);
	const line = (rows: readonly Row[]): string =>
		`junk listed ${rows.filter((r) => r.junk).length} → ${rows.filter((r) => r.junk && !r.shipped).length}, names listed ${rows.filter((r) => !r.junk).length} → ${rows.filter((r) => !r.junk && !r.shipped).length}`;
	console.log(`\nthe shipped table on every labelled row the rules list: ${line(listed)}`);
	for (const kind of KINDS) console.log(`  ${kind}: ${line(listed.filter((r) => r.kind === kind))}`);
}

// The trade, on the pooled out-of-fold scores (each file's from a model trained on the others): per
// kind and odds, the labelled junk still listed and the labelled names lost (to the rules or the
// bar); then the per-kind odds of the grid that leave the least junk listed while the labelled names
// listed stay at or above --recall. (Picked on the same scores it is read on: a guide, not a test.)
const ODDS_GRID = [4, 3, 2, 1.5, 1, 0.75, 0.5, 0.35, 0.25];
const pooled = outOfFoldBy.get(lambda)!;
const trade = KINDS.map((kind) => {
	const ofKind = pooled.filter((s) => s.r.kind === kind);
	const rulesLost = ofKind.filter((s) => !s.r.junk && s.r.ruled).length;
	return ODDS_GRID.map((odds) => {
		const t = Math.log(odds);
		return {
			odds,
			junk: ofKind.filter((s) => s.r.junk && !s.r.ruled && !(s.z > t)).length,
			lost: rulesLost + ofKind.filter((s) => !s.r.junk && !s.r.ruled && s.z > t).length,
		};
	});
});
const pooledNames = pooled.filter((s) => !s.r.junk).length;
console.log(`\nthe trade, pooled out of fold (${pooled.filter((s) => s.r.junk).length} junk, ${pooledNames} names): junk listed / names lost at odds`);
console.log(`kind\t${ODDS_GRID.join('\t')}`);
KINDS.forEach((kind, k) => console.log(`${kind}\t${trade[k]!.map((c) => `${c.junk}/${c.lost}`).join('\t')}`));
let bestPoint: {odds: number[]; junk: number; lost: number} | undefined;
for (const p of trade[0]!) {
	for (const o of trade[1]!) {
		for (const l of trade[2]!) {
			const junk = p.junk + o.junk + l.junk;
			const lost = p.lost + o.lost + l.lost;
			if (1 - lost / pooledNames < targetRecall) continue;
			if (bestPoint === undefined || junk < bestPoint.junk || (junk === bestPoint.junk && lost < bestPoint.lost))
				bestPoint = {odds: [p.odds, o.odds, l.odds], junk, lost};
		}
	}
}
const shippedPoint = KINDS.map((_, k) => trade[k]!.find((c) => c.odds === oddsByKind[k]));
if (shippedPoint.every((c) => c !== undefined)) {
	const junk = shippedPoint.reduce((a, c) => a + c!.junk, 0);
	const lost = shippedPoint.reduce((a, c) => a + c!.lost, 0);
	const recall = 1 - lost / pooledNames;
	console.log(`at the odds asked for (${oddsByKind.join(',')}): junk listed ${junk}, names lost ${lost} (names listed ${recall.toFixed(3)})`);
	if (recall < targetRecall) console.log(`WARNING: names listed ${recall.toFixed(3)} < ${targetRecall} at these odds: pick others from the trade above`);
}
console.log(
	bestPoint === undefined
		? `no point of the grid keeps names listed >= ${targetRecall}`
		: `least junk with names listed >= ${targetRecall}: --odds ${bestPoint.odds.join(',')}: junk listed ${bestPoint.junk}, names lost ${bestPoint.lost} (names listed ${(1 - bestPoint.lost / pooledNames).toFixed(3)})`,
);

// The shipped table: all files, threshold from the pooled out-of-fold scores.
const final = fit(dedupe(all), lambda);
console.log(
	`\nshipped: lambda ${lambda}, thresholds ${oddsThresholds.map((t) => t.toFixed(3)).join(' / ')} (logit; the recall target's on all files would be ${thresholdFor(pooled).toFixed(3)})`,
);
for (let i = 0; i < FEATURE_COUNT; i++) {
	console.log(`  ${BAR_FEATURES[i]!.padEnd(22)} ${final.shared[i]!.toFixed(3).padStart(7)} ${final.perKind.map((k) => k[i]!.toFixed(3).padStart(7)).join(' ')}`);
}

for (const file of values['held-out']) {
	const {rows} = readRows(file, -1);
	for (const r of rows) if (unknownToTagger(r)) TAGGER_SHARES.forEach((i, k) => (r.x[i] = taggerMeans[k]!));
	const z = (r: Row): number => logit(final, r);
	const threshold = (r: Row): number => oddsThresholds[KINDS.indexOf(r.kind)]!;
	const junk = rows.filter((r) => r.junk);
	const names = rows.filter((r) => !r.junk);
	console.log(
		`held-out ${file}: junk listed ${junk.filter((r) => !r.ruled).length} → ${junk.filter((r) => !r.ruled && !(z(r) > threshold(r))).length} of ${junk.length}, names lost ${names.filter((r) => r.ruled).length} → ${names.filter((r) => r.ruled || z(r) > threshold(r)).length} of ${names.length}`,
	);
}

if (values.moved) {
	// Every label file (trained on, held out, or targeted and set aside): id → "file:label" words.
	const labels = new Map<string, string[]>();
	for (const file of readdirSync(new URL('fixtures/', import.meta.url)).filter((f) => f.startsWith('entities-junk-labels') && f.endsWith('.tsv'))) {
		for (const line of readFileSync(new URL(`fixtures/${file}`, import.meta.url), 'utf8').split('\n')) {
			const [, label, id] = line.split('\t');
			if (line.startsWith('#') || id === undefined || (label !== 'name' && label !== 'junk')) continue;
			labels.set(id, [...(labels.get(id) ?? []), `${file.replace(/^entities-junk-labels-?|\.tsv$/g, '') || '1'}:${label}`]);
		}
	}
	const textOf = new Map(articles.map((a) => [a.id, a.text]));
	// What moved a frequent one: the features whose weight on it changed most (new table − shipped).
	const why = (e: Entity): string => {
		const column = KINDS.indexOf(e.kind);
		const x = e.barFeatures!;
		const part = (
			m: {means: readonly number[]; scales: readonly number[]; shared: readonly number[]; perKind: ReadonlyArray<readonly number[]>},
			i: number,
			v: number,
		): number => (i === 0 ? 1 : (v - m.means[i]!) / m.scales[i]!) * (m.shared[i]! + m.perKind[column]![i]!);
		return BAR_FEATURES.map((name, i) => ({
			name,
			d: part(final, i, unknownToTaggerX(x) && TAGGER_SHARES.includes(i) ? taggerMeans[TAGGER_SHARES.indexOf(i)]! : x[i]!) - part(LISTING_BAR, i, x[i]!),
		}))
			.sort((a, b) => Math.abs(b.d) - Math.abs(a.d))
			.slice(0, 3)
			.map((c) => `${c.name} ${c.d > 0 ? '+' : ''}${c.d.toFixed(2)}`)
			.join(', ');
	};
	const moves: Array<{e: Entity; hidden: boolean; z: number}> = [];
	for (const e of index.all()) {
		// Only what the rules list is weighed, and not a body's acronym read aloud (listing-bar.ts).
		if (e.barFeatures === undefined || !KINDS.includes(e.kind) || (e.unlisted !== undefined && e.unlisted !== 'learned-bar')) continue;
		if (!weighedByBar(e.kind, e.name)) continue;
		const r: Row = {file: -1, id: e.id, junk: false, kind: e.kind, x: e.barFeatures.slice(), ruled: false};
		for (const i of dropped) r.x[i] = 0;
		if (unknownToTagger(r)) TAGGER_SHARES.forEach((i, k) => (r.x[i] = taggerMeans[k]!));
		const z = logit(final, r);
		const hidden = z > oddsThresholds[KINDS.indexOf(e.kind)]!;
		if (hidden !== (e.unlisted === 'learned-bar')) moves.push({e, hidden, z});
	}
	moves.sort((a, b) => b.e.mentionCount - a.e.mentionCount || a.e.id.localeCompare(b.e.id));
	for (const hidden of [true, false]) {
		const list = moves.filter((m) => m.hidden === hidden);
		const of = (label: string): number => list.filter((m) => (labels.get(m.e.id) ?? []).some((l) => l.endsWith(`:${label}`))).length;
		const unlabelled = list.filter((m) => !labels.has(m.e.id)).length;
		console.log(
			`\n## moved ${hidden ? 'below' : 'above'} the bar against the shipped table: ${list.length} (labelled name ${of('name')}, labelled junk ${of('junk')}, unlabelled ${unlabelled}; ${list.filter((m) => m.e.mentionCount >= 5).length} with 5 or more mentions)`,
		);
		for (const {e, z} of list) {
			const m = index.mentionsOf(e.id)[0];
			const text = m === undefined ? '' : (textOf.get(m.articleId) ?? '');
			const context =
				m === undefined ? '' : `${text.slice(Math.max(0, m.start - 25), m.start)}[${text.slice(m.start, m.end)}]${text.slice(m.end, m.end + 25)}`.replace(/\s+/g, ' ');
			const flag = e.mentionCount >= 5 ? ` ◀ 5+ (${why(e)})` : '';
			console.log(`  ${e.mentionCount}× ${e.articleCount}a ${e.kind} ${e.id} ${z.toFixed(2)} [${(labels.get(e.id) ?? ['unlabelled']).join(' ')}]${flag}  ${context}`);
		}
	}
}

console.log(`trained and scored in ${((performance.now() - started) / 1000).toFixed(1)} s in all (${fits} fits, ${newtonSteps} Newton steps)`);

if (values.write) {
	const round = (xs: readonly number[]): string => `[${xs.map((x) => Number(x.toFixed(5))).join(', ')}]`;
	const table = `// Generated by bench/train-listing-bar.ts --write (leave-one-file-out over ${FILES.length} labelled samples,
// lambda ${lambda}, left out at odds ${oddsByKind.join(' / ')} to 1 of no name for people / bodies / places): do not edit by hand.
export const LISTING_BAR = {
	features: [${BAR_FEATURES.map((f) => `'${f}'`).join(', ')}] as readonly string[],
	means: ${round(final.means)} as readonly number[],
	scales: ${round(final.scales)} as readonly number[],
	taggerMeans: ${round(taggerMeans)} as readonly number[],
	shared: ${round(final.shared)} as readonly number[],
	perKind: [${final.perKind.map(round).join(', ')}] as ReadonlyArray<readonly number[]>,
	thresholds: ${round(oddsThresholds)} as readonly number[],
};
`;
	writeFileSync(new URL('../source/entities/listing-bar-table.ts', import.meta.url), table);
	console.log('wrote source/entities/listing-bar-table.ts');
}

if (process.env.BAR_DUMP) {
	const show = (s: {r: Row; z: number; t: number}): string =>
		`${s.z.toFixed(2)}\t${s.r.kind}\t${s.r.id}\t${Array.from(s.r.x.slice(1))
			.map((v) => v.toFixed(2))
			.join(' ')}`;
	console.log('\njunk listed (rules), by out-of-fold logit:');
	for (const s of scored.filter((s) => s.r.junk && !s.r.ruled).sort((a, b) => a.z - b.z)) console.log(show(s));
	console.log('\nnames listed, highest logits:');
	for (const s of scored
		.filter((s) => !s.r.junk && !s.r.ruled)
		.sort((a, b) => b.z - a.z)
		.slice(0, 60))
		console.log(show(s));
}

if (process.env.BAR_CURVE) {
	const listed = pooled.filter((s) => !s.r.ruled).sort((a, b) => b.z - a.z);
	let j = 0;
	let n = 0;
	console.log('\nout-of-fold, listed rows by logit: junk removed / names lost');
	listed.forEach((s, i) => {
		if (s.r.junk) j++;
		else n++;
		if ((i + 1) % 10 === 0) console.log(`  top ${i + 1}: logit ${s.z.toFixed(2)}  junk ${j}  names ${n}`);
	});
}

// ---- a comparison: boosted stumps (depth-1 trees on the raw features and the kind), same folds.
interface Stump {
	feature: number;
	threshold: number;
	left: number;
	right: number;
}
function stumpX(r: Row): number[] {
	return [...Array.from(r.x), ...KINDS.map((k) => (r.kind === k ? 1 : 0))];
}
function fitStumps(rows: readonly Row[], rounds: number, rate: number, minLeaf: number): {base: number; stumps: Stump[]} {
	const X = rows.map(stumpX);
	const y = rows.map((r) => (r.junk ? 1 : 0));
	const p0 = y.reduce((a: number, b) => a + b, 0) / y.length;
	const base = Math.log(p0 / (1 - p0));
	const F = new Float64Array(rows.length).fill(base);
	const stumps: Stump[] = [];
	const width = X[0]!.length;
	const candidates = Array.from({length: width}, (_, i) => {
		const vs = [...new Set(X.map((x) => x[i]!))].sort((a, b) => a - b);
		const step = Math.max(1, Math.floor(vs.length / 24));
		const out: number[] = [];
		for (let k = step; k < vs.length; k += step) out.push((vs[k - 1]! + vs[k]!) / 2);
		return out;
	});
	for (let round = 0; round < rounds; round++) {
		const g = y.map((yy, n) => 1 / (1 + Math.exp(-F[n]!)) - yy);
		const h = y.map((_, n) => {
			const p = 1 / (1 + Math.exp(-F[n]!));
			return Math.max(1e-6, p * (1 - p));
		});
		let best: {gain: number; s: Stump} | undefined;
		for (let i = 0; i < width; i++) {
			for (const t of candidates[i]!) {
				let [gl, hl, gr, hr, nl, nr] = [0, 0, 0, 0, 0, 0];
				X.forEach((x, n) => {
					if (x[i]! <= t) {
						gl += g[n]!;
						hl += h[n]!;
						nl++;
					} else {
						gr += g[n]!;
						hr += h[n]!;
						nr++;
					}
				});
				if (nl < minLeaf || nr < minLeaf) continue;
				const gain = (gl * gl) / (hl + 1) + (gr * gr) / (hr + 1);
				if (best === undefined || gain > best.gain) best = {gain, s: {feature: i, threshold: t, left: (-gl / (hl + 1)) * rate, right: (-gr / (hr + 1)) * rate}};
			}
		}
		if (best === undefined) break;
		stumps.push(best.s);
		X.forEach((x, n) => (F[n]! += x[best!.s.feature]! <= best!.s.threshold ? best!.s.left : best!.s.right));
	}
	return {base, stumps};
}
function stumpLogit(m: {base: number; stumps: Stump[]}, r: Row): number {
	const x = stumpX(r);
	let z = m.base;
	for (const s of m.stumps) z += x[s.feature]! <= s.threshold ? s.left : s.right;
	return z;
}
if (process.env.BAR_STUMPS) {
	for (const [rounds, rate] of [
		[100, 0.1],
		[200, 0.1],
		[300, 0.05],
	] as const) {
		const out: Array<{r: Row; z: number}> = [];
		for (let f = 0; f < FILES.length; f++) {
			const test = all.filter((r) => r.file === f);
			const ids = new Set(test.map((r) => r.id));
			const model = fitStumps(dedupe(all.filter((r) => r.file !== f && !ids.has(r.id))), rounds, rate, 8);
			for (const r of test) out.push({r, z: stumpLogit(model, r)});
		}
		const listed = out.filter((s) => !s.r.ruled);
		console.log(`\nstumps ${rounds} x ${rate}: out-of-fold log-loss ${logLoss(listed).toFixed(4)} (listed rows)`);
		let j = 0;
		let n = 0;
		listed
			.sort((a, b) => b.z - a.z)
			.forEach((s, i) => {
				if (s.r.junk) j++;
				else n++;
				if ((i + 1) % 10 === 0 && i < 100) console.log(`  top ${i + 1}: logit ${s.z.toFixed(2)}  junk ${j}  names ${n}`);
			});
		const at = listed.filter((s) => s.z > oddsThresholds[KINDS.indexOf(s.r.kind)]!);
		console.log(`  at odds ${oddsByKind.join('/')}:1: junk removed ${at.filter((s) => s.r.junk).length}, names lost ${at.filter((s) => !s.r.junk).length}`);
	}
}
