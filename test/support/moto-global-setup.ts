/** Fails the whole run at once, with a one-line hint, when the test endpoint cannot be started (never skips). */
import {checkMotoAvailable, startMoto} from './moto.js';

export default async function setup(): Promise<void> {
	checkMotoAvailable();
	// Prove the server really starts here (port binding, Flask), not only that it imports.
	const moto = await startMoto();
	await moto.stop();
}
