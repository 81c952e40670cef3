import {afterAll, beforeAll, expect, test} from 'vitest';
import {startMoto, type Moto} from './moto.js';

let moto: Moto;
beforeAll(async () => {
	moto = await startMoto();
});
afterAll(async () => moto.stop());

test('moto answers on loopback and resets', async () => {
	expect(moto.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	await moto.reset();
	const response = await fetch(`${moto.endpoint}/moto-api/`);
	expect(response.status).toBe(200);
});
