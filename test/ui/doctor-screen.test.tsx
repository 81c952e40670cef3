import {afterEach, describe, expect, test} from 'vitest';
import {cleanup, render} from 'ink-testing-library';
import {Doctor, type DoctorExit} from '../../source/ui/screens/Doctor.js';
import {ThemeContext, noColourTheme} from '../../source/ui/theme.js';
import {cleanupSized, keys, press, renderSized, settle, tidy} from '../support/ink.js';
import {manyFindings, probeFailure, unrecognizedProfile, winnerWithShadowed} from './fixtures.js';

afterEach(() => {
	cleanup();
	cleanupSized();
});

async function show(report: Parameters<typeof Doctor>[0]['report'], checking = false) {
	const exits: DoctorExit[] = [];
	const app = render(<Doctor report={report} checking={checking} onExit={reason => exits.push(reason)} />);
	await settle();
	return {app, exits, frame: () => tidy(app.lastFrame())};
}

describe('doctor screen (100×24, the ink-testing-library terminal)', () => {
	test.each([
		['winner with shadowed sources', winnerWithShadowed],
		['v3 UNRECOGNIZED_AWS_PROFILE', unrecognizedProfile],
		['probe failure', probeFailure],
	])('%s', async (_name, report) => {
		const {frame} = await show(report);
		expect(frame()).toMatchSnapshot();
	});

	test('shows that the STS check is still running', async () => {
		const {frame} = await show(winnerWithShadowed, true);
		expect(frame()).toContain('… asking AWS STS who this is');
		expect(frame()).not.toContain('✔ account');
	});

	test('Enter opens the details of a finding, Esc closes them, q leaves', async () => {
		const {app, exits, frame} = await show(winnerWithShadowed);
		// The screen starts on the first finding; the next one is the warning.
		expect(frame()).toContain('› ✔ Deploy uses AWS_PROFILE=dev (static keys)');
		await press(app, keys.down);
		expect(frame()).toContain('› ⚠ AWS_PROFILE overrides provider.profile "prod"');
		await press(app, keys.enter);
		expect(frame()).toMatchSnapshot('details open');
		expect(frame()).toContain('Fix  unset AWS_PROFILE');
		await press(app, keys.escape);
		expect(frame()).toContain('Checks · 1 warning · 2 ok');
		expect(exits).toEqual([]);
		await press(app, 'q');
		expect(exits).toEqual(['quit']);
	});

	test('Enter on a ladder rung explains why it lost', async () => {
		const {app, frame} = await show(winnerWithShadowed);
		await press(app, keys.home, keys.down, keys.enter);
		expect(frame()).toContain('○ #2 provider.profile "prod" (serverless.yml)');
		expect(frame()).toContain('Beaten by AWS_PROFILE=dev');
		expect(frame()).toContain('Fix       unset AWS_PROFILE');
		await press(app, keys.enter);
		expect(frame()).toContain('Precedence · Serverless v3');
	});

	test.each([
		['Esc', keys.escape, 'quit'],
		['Ctrl-C', keys.ctrlC, 'cancel'],
		['q with details open', 'q', 'quit'],
	] as const)('%s leaves the screen', async (name, key, reason) => {
		const {app, exits} = await show(winnerWithShadowed);
		if (name.includes('details')) await press(app, keys.enter);
		await press(app, key);
		expect(exits).toEqual([reason]);
	});

	test('no secret ever reaches the frame, only masked keys', async () => {
		const {frame} = await show(winnerWithShadowed);
		expect(frame()).toContain('AKIA…DEV1');
		expect(frame()).not.toMatch(/AKIA[A-Z0-9]{16}/);
	});

	test('no-colour theme keeps every status readable', async () => {
		const app = render(
			<ThemeContext.Provider value={noColourTheme}>
				<Doctor report={unrecognizedProfile} onExit={() => {}} />
			</ThemeContext.Provider>,
		);
		await settle();
		const frame = tidy(app.lastFrame());
		expect(frame).toContain('✖ AWS_PROFILE=nosuch');
		expect(frame).toContain('error');
		expect(frame).toContain('› ');
	});
});

describe('doctor screen on a 60×20 terminal', () => {
	test('fits: never more lines than rows - 1, no line wider than the terminal', async () => {
		const app = await renderSized(<Doctor report={manyFindings} onExit={() => {}} />, {columns: 60, rows: 20});
		const check = () => {
			const lines = app.lastFrame().split('\n');
			expect(lines.length).toBe(19);
			for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
		};
		check();
		expect(tidy(app.lastFrame())).toMatchSnapshot('top of a long list');
		await press(app, ...Array.from({length: 7}, () => keys.down));
		check();
		expect(tidy(app.lastFrame())).toMatchSnapshot('scrolled to the checklist');
		await press(app, keys.enter);
		check();
		expect(tidy(app.lastFrame())).toMatchSnapshot('details open');
		expect(app.lastFrame()).toContain('1–9/10');
		await press(app, keys.down, keys.down);
		check();
		// Ten lines in a nine-line area: scrolling stops at the last line.
		expect(app.lastFrame()).toContain('2–10/10');
		expect(app.lastFrame()).toContain('detail line 6 of check 8');
	});

	test('the selection stays visible when scrolling down to the last item and back up', async () => {
		const app = await renderSized(<Doctor report={manyFindings} onExit={() => {}} />, {columns: 60, rows: 20});
		await press(app, keys.end);
		expect(app.lastFrame()).toContain('› ✔ Check number 24');
		expect(app.lastFrame()).toContain('31/31');
		expect(app.lastFrame()).not.toContain('Precedence');
		await press(app, keys.up, keys.home);
		expect(app.lastFrame()).toContain('Precedence · Serverless v3');
		expect(app.lastFrame()).toContain('1/31');
	});

	test('re-renders at the new size on resize', async () => {
		const app = await renderSized(<Doctor report={manyFindings} onExit={() => {}} />, {columns: 100, rows: 30});
		expect(app.lastFrame().split('\n')).toHaveLength(29);
		await app.resize(60, 20);
		const lines = app.lastFrame().split('\n');
		expect(lines).toHaveLength(19);
		expect(lines[0]).toBe(`╭${'─'.repeat(58)}╮`);
	});
});
