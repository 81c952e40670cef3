#!/usr/bin/env node
/**
 * The readme's pictures, taken from the real screens: the built CLI runs in a pseudo-terminal (@lydell/node-pty)
 * against a made-up HOME and service, @xterm/headless interprets what it draws, and each terminal buffer (with its
 * colours) becomes an SVG in docs/images/ — and a PNG beside it when `rsvg-convert` (librsvg) or ImageMagick's
 * `convert` works on this machine. Nothing leaves the machine: the doctor asks a loopback STS started here.
 *
 *   npm run screenshots           (builds first)
 *   node scripts/screenshots.mjs --out /tmp/shots
 */
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {startLoopbackSts} from './loopback-sts.mjs';
import {parseArgs} from 'node:util';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';

const root = path.resolve(import.meta.dirname, '..');
const cli = process.env.SLS_CREDS_WIZARD_CLI ?? path.join(root, 'dist', 'cli.js');
const {values} = parseArgs({options: {out: {type: 'string'}}, strict: true});
const out = path.resolve(values.out ?? path.join(root, 'docs', 'images'));

// ───────────────────────────── the made-up world ─────────────────────────────
// A fixed folder (not a random one), so the paths on the pictures stay the same from run to run.
const home = path.join(tmpdir(), 'sls-creds-wizard-demo');
const service = path.join(home, 'orders');

function makeWorld() {
	rmSync(home, {recursive: true, force: true});
	mkdirSync(path.join(home, '.aws'), {recursive: true, mode: 0o700});
	mkdirSync(service);
	// Example keys in the documented AWS format (not real); the screens show them masked.
	writeFileSync(
		path.join(home, '.aws', 'credentials'),
		'[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\n' +
			'[orders-prod]\naws_access_key_id = AKIAZTX4QWJ6MNB3KDEV\naws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n',
	);
	chmodSync(path.join(home, '.aws', 'credentials'), 0o600);
	writeFileSync(path.join(home, '.aws', 'config'), '[default]\nregion = eu-west-1\n\n[profile orders-prod]\nregion = eu-west-1\n');
	writeFileSync(
		path.join(service, 'serverless.yml'),
		'# Orders service\nservice: orders\nframeworkVersion: "3"\n\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  region: eu-west-1\n  profile: default\n\nfunctions:\n  hello:\n    handler: handler.hello\n',
	);
}


// ───────────────────────────── running a screen ─────────────────────────────
const plain = text => text.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, '');

/**
 * Runs the CLI in a pseudo-terminal and takes a shot at each step: wait until `waitFor` is on screen, let the frame
 * settle, keep the buffer as `shot`, then press `press`.
 */
async function capture(args, {cwd, env, columns = 100, rows = 30, steps, waitForExit = false}) {
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true, scrollback: 0});
	const child = pty.spawn(process.execPath, [cli, ...args], {
		name: 'xterm-256color',
		cols: columns,
		rows,
		cwd,
		// As on a developer's machine: no CI variable (it turns colour off) and no FORCE_COLOR.
		env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, TERM: 'xterm-256color', COLORTERM: 'truecolor', LANG: 'C.UTF-8', NODE_ENV: 'production', AWS_EC2_METADATA_DISABLED: 'true', ...env},
	});
	let written = Promise.resolve();
	let exited = false;
	const exit = new Promise(resolve => child.onExit(event => ((exited = true), resolve(event))));
	child.onData(data => {
		written = written.then(() => new Promise(resolve => terminal.write(data, resolve)));
	});
	const screenText = async () => {
		await written;
		const buffer = terminal.buffer.active;
		const lines = [];
		for (let y = 0; y < buffer.length; y++) lines.push(buffer.getLine(y)?.translateToString(true) ?? '');
		return lines.join('\n');
	};
	const shots = [];
	for (const step of steps) {
		const deadline = Date.now() + 20_000;
		while (!plain(await screenText()).includes(step.waitFor)) {
			// Output can still arrive after the exit event, so only the deadline ends the wait.
			if (Date.now() > deadline) {
				child.kill('SIGKILL');
				throw new Error(`"${step.waitFor}" did not appear on screen; it showed:\n${await screenText()}`);
			}
			await new Promise(resolve => setTimeout(resolve, 25));
		}
		// Let the frame finish (spinners, a second render) before taking it.
		await new Promise(resolve => setTimeout(resolve, step.settleMs ?? 400));
		await written;
		if (step.shot) shots.push({name: step.shot, svg: toSvg(terminal, step.title ?? '')});
		for (const key of step.press ?? []) {
			child.write(key);
			await new Promise(resolve => setTimeout(resolve, 120));
		}
	}
	if (!waitForExit && !exited) child.kill('SIGKILL');
	await Promise.race([exit, new Promise(resolve => setTimeout(resolve, 5_000))]);
	return shots;
}

// ───────────────────────────── terminal buffer → SVG ─────────────────────────────
// A dark theme with the usual 16 ANSI colours.
const PALETTE = ['#1d1f21', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#d7dae0', '#7f848e', '#ef8891', '#b5e890', '#f0d197', '#8cc4f5', '#dba3ee', '#7fd3de', '#ffffff'];
const FOREGROUND = '#d7dae0';
const BACKGROUND = '#1d1f21';
const FONT_SIZE = 14;
const CELL_WIDTH = 8.43; // DejaVu Sans Mono's advance at 14 px
const LINE_HEIGHT = 18;
const PAD = 16;
const TITLE_BAR = 30;

function paletteColour(index) {
	if (index < 16) return PALETTE[index];
	if (index < 232) {
		const steps = [0, 95, 135, 175, 215, 255];
		const value = index - 16;
		return rgb(steps[Math.floor(value / 36)], steps[Math.floor(value / 6) % 6], steps[value % 6]);
	}
	const grey = 8 + (index - 232) * 10;
	return rgb(grey, grey, grey);
}
const rgb = (r, g, b) => `#${[r, g, b].map(value => value.toString(16).padStart(2, '0')).join('')}`;

function cellColours(cell) {
	let fg = cell.isFgDefault() ? FOREGROUND : cell.isFgRGB() ? `#${cell.getFgColor().toString(16).padStart(6, '0')}` : paletteColour(cell.getFgColor());
	let bg = cell.isBgDefault() ? undefined : cell.isBgRGB() ? `#${cell.getBgColor().toString(16).padStart(6, '0')}` : paletteColour(cell.getBgColor());
	// Bold with a basic colour shows its bright variant, as most terminals do.
	if (cell.isBold() && cell.isFgPalette() && cell.getFgColor() < 8) fg = PALETTE[cell.getFgColor() + 8];
	if (cell.isInverse()) [fg, bg] = [bg ?? BACKGROUND, fg];
	return {fg, bg};
}

/** Box-drawing characters as the sides of the cell they join (left, right, up, down); rounded corners bend. */
const BOX = {
	'─': 'lr', '━': 'lr', '│': 'ud', '┃': 'ud', '┌': 'rd', '┐': 'ld', '└': 'ru', '┘': 'lu', '├': 'udr', '┤': 'udl', '┬': 'lrd', '┴': 'lru', '┼': 'lrud',
	'╭': 'rd~', '╮': 'ld~', '╰': 'ru~', '╯': 'lu~',
};

/**
 * Font glyphs for box drawing leave gaps between rows at a comfortable line height, so frames are drawn as lines that
 * meet at the cell edges.
 */
function boxPath(char, left, top, cells) {
	const sides = BOX[char];
	const width = cells * CELL_WIDTH;
	const x = left + width / 2;
	const y = top + LINE_HEIGHT / 2;
	const end = {l: [left, y], r: [left + width, y], u: [x, top], d: [x, top + LINE_HEIGHT]};
	const point = ([px, py]) => `${px.toFixed(2)} ${py.toFixed(2)}`;
	if (sides.endsWith('~')) {
		const [a, b] = [sides[0], sides[1]];
		const radius = Math.min(width, LINE_HEIGHT) / 2;
		const near = side => (side === 'l' ? [x - radius, y] : side === 'r' ? [x + radius, y] : side === 'u' ? [x, y - radius] : [x, y + radius]);
		return `M${point(end[b])}L${point(near(b))}Q${point([x, y])} ${point(near(a))}L${point(end[a])}`;
	}
	return [...sides].map(side => `M${point([x, y])}L${point(end[side])}`).join('');
}

const escapeXml = text => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function toSvg(terminal, title) {
	const buffer = terminal.buffer.active;
	// The rows on screen, without blank rows at the bottom.
	const rows = [];
	for (let y = 0; y < terminal.rows; y++) rows.push(buffer.getLine(buffer.baseY + y));
	let used = rows.length;
	while (used > 1 && !rows[used - 1]?.translateToString(true).trim()) used--;
	const width = Math.ceil(terminal.cols * CELL_WIDTH + PAD * 2);
	const height = Math.ceil(TITLE_BAR + used * LINE_HEIGHT + PAD * 2);
	const parts = [];
	const cell = buffer.getNullCell();
	for (let y = 0; y < used; y++) {
		const line = rows[y];
		if (!line) continue;
		const top = TITLE_BAR + PAD + y * LINE_HEIGHT;
		const baseline = top + FONT_SIZE;
		let run;
		const flush = () => {
			if (!run) return;
			const x = PAD + run.start * CELL_WIDTH;
			const cells = run.end - run.start;
			if (run.bg) parts.push(`<rect x="${x.toFixed(2)}" y="${top}" width="${(cells * CELL_WIDTH).toFixed(2)}" height="${LINE_HEIGHT}" fill="${run.bg}"/>`);
			if (run.text.trim()) {
				const style = [run.fg === FOREGROUND ? '' : ` fill="${run.fg}"`, run.bold ? ' font-weight="bold"' : '', run.dim ? ' opacity="0.6"' : '', run.italic ? ' font-style="italic"' : '', run.underline ? ' text-decoration="underline"' : ''].join('');
				parts.push(`<text x="${x.toFixed(2)}" y="${baseline}"${style} textLength="${(cells * CELL_WIDTH).toFixed(2)}" lengthAdjust="spacingAndGlyphs">${escapeXml(run.text)}</text>`);
			}
			run = undefined;
		};
		for (let x = 0; x < terminal.cols; x++) {
			line.getCell(x, cell);
			const cellWidth = cell.getWidth();
			if (cellWidth === 0) continue; // the second half of a wide character
			const chars = cell.getChars() || ' ';
			const {fg, bg} = cellColours(cell);
			if (BOX[chars]) {
				flush();
				if (bg) parts.push(`<rect x="${(PAD + x * CELL_WIDTH).toFixed(2)}" y="${top}" width="${(cellWidth * CELL_WIDTH).toFixed(2)}" height="${LINE_HEIGHT}" fill="${bg}"/>`);
				parts.push(`<path d="${boxPath(chars, PAD + x * CELL_WIDTH, top, cellWidth)}" stroke="${fg}" stroke-width="${cell.isBold() ? 2 : 1.2}" fill="none"${cell.isDim() ? ' opacity="0.6"' : ''}/>`);
				continue;
			}
			const key = [fg, bg, cell.isBold(), cell.isDim(), cell.isItalic(), cell.isUnderline()].join('|');
			if (run && run.key === key && run.end === x) {
				run.text += chars;
				run.end = x + cellWidth;
			} else {
				flush();
				run = {key, fg, bg, bold: cell.isBold(), dim: cell.isDim(), italic: cell.isItalic(), underline: cell.isUnderline(), text: chars, start: x, end: x + cellWidth};
			}
		}
		flush();
	}
	const dots = ['#ff5f56', '#ffbd2e', '#27c93f'].map((colour, index) => `<circle cx="${PAD + 6 + index * 20}" cy="${TITLE_BAR / 2 + 2}" r="6" fill="${colour}"/>`).join('');
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace" font-size="${FONT_SIZE}" xml:space="preserve">`,
		`<rect width="${width}" height="${height}" rx="8" fill="${BACKGROUND}"/>`,
		dots,
		`<text x="${width / 2}" y="${TITLE_BAR / 2 + 6}" fill="#7f848e" text-anchor="middle" font-size="12">${escapeXml(title)}</text>`,
		`<g fill="${FOREGROUND}">`,
		...parts,
		'</g>',
		'</svg>',
		'',
	].join('\n');
}

// ───────────────────────────── SVG → PNG ─────────────────────────────
/** The first converter that really works here (a stand-in `convert` that cannot read SVG does not count). */
function pngConverter(probeSvg) {
	const probe = path.join(tmpdir(), `sls-creds-wizard-probe-${process.pid}.png`);
	const candidates = [
		{name: 'rsvg-convert', args: (svg, png) => ['-z', '1.5', '-o', png, svg]},
		{name: 'convert', args: (svg, png) => ['-density', '144', svg, png]},
	];
	try {
		for (const candidate of candidates) {
			rmSync(probe, {force: true});
			const result = spawnSync(candidate.name, candidate.args(probeSvg, probe), {encoding: 'utf8'});
			if (result.status === 0 && spawnSync('test', ['-s', probe]).status === 0) return candidate;
		}
		return undefined;
	} finally {
		rmSync(probe, {force: true});
	}
}

// ───────────────────────────── the pictures ─────────────────────────────
makeWorld();
const sts = await startLoopbackSts();
try {
	// Leftover shell settings are the classic trap the doctor explains: AWS_PROFILE beats provider.profile in v3.
	const doctorEnv = {AWS_PROFILE: 'orders-prod', AWS_ENDPOINT_URL_STS: sts.endpoint};
	const shots = [
		...(await capture(['doctor'], {
			cwd: service,
			env: doctorEnv,
			steps: [
				{waitFor: 'Checks', shot: 'doctor', title: 'sls-creds-wizard doctor', settleMs: 1200, press: ['\r']},
				{waitFor: 'Why', shot: 'doctor-finding', title: 'sls-creds-wizard doctor — a finding', press: ['\u001B', 'q']},
			],
		})),
		...(await capture(['doctor', '--plain'], {
			cwd: service,
			env: doctorEnv,
			rows: 80,
			waitForExit: true,
			steps: [{waitFor: 'Ready', shot: 'doctor-plain', title: 'sls-creds-wizard doctor --plain', settleMs: 300}],
		})),
		...(await capture([], {
			cwd: service,
			env: {},
			rows: 24,
			steps: [
				{waitFor: 'Set up deploy credentials', shot: 'wizard-scan', title: 'npx sls-creds-wizard', press: ['\r']},
				{waitFor: 'Do you have an AWS account?', press: ['\r']},
				{waitFor: 'How should the deploy get its AWS keys?', shot: 'wizard-keys', title: 'npx sls-creds-wizard', press: ['\u0003']},
			],
		})),
	];
	mkdirSync(out, {recursive: true});
	for (const shot of shots) writeFileSync(path.join(out, `${shot.name}.svg`), shot.svg);
	const converter = pngConverter(path.join(out, `${shots[0].name}.svg`));
	for (const shot of shots) {
		if (!converter) break;
		const svg = path.join(out, `${shot.name}.svg`);
		const result = spawnSync(converter.name, converter.args(svg, path.join(out, `${shot.name}.png`)), {encoding: 'utf8'});
		if (result.status !== 0) throw new Error(`${converter.name} failed on ${svg}: ${result.stderr.trim()}`);
	}
	console.log(`screenshots: ${shots.map(shot => shot.name).join(', ')} → ${path.relative(process.cwd(), out) || '.'}/ (SVG${converter ? `, PNG by ${converter.name}` : '; PNG skipped: neither rsvg-convert nor ImageMagick convert can read SVG here'})`);
} catch (error) {
	console.error(`screenshots: ${error.message}`);
	process.exitCode = 1;
} finally {
	sts.stop();
	rmSync(home, {recursive: true, force: true});
}
