/** A large, realistic file for the linear-time checks (the doctor's benchmark compares 10,000 with 3 profiles). */
export function manyProfiles(count: number): string {
	const parts: string[] = ['# generated\n[default]\nregion = eu-west-1\n\n'];
	for (let index = 0; index < count; index++) {
		parts.push(
			index % 3 === 0
				? `[profile p${index}]\nrole_arn = arn:aws:iam::123456789012:role/r${index}\nsource_profile = default\n\n`
				: index % 3 === 1
					? `[profile p${index}]\r\nsso_session = corp\r\nsso_account_id = 123456789012\r\nsso_role_name = Dev ; note\r\n`
					: `[profile p${index}]\ncredential_process = /usr/bin/get-creds --profile p${index}\ns3 =\n  max_concurrent_requests = 20\n\n`,
		);
	}
	return parts.join('');
}

/** Median CPU time of `rounds` runs, in milliseconds (CPU time, not wall time: other processes may load the machine). */
export function medianTime(run: () => void, rounds: number): number {
	const times: number[] = [];
	for (let round = 0; round < rounds; round++) {
		const start = process.cpuUsage();
		run();
		const used = process.cpuUsage(start);
		times.push((used.user + used.system) / 1000);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)] ?? 0;
}

/**
 * Per-profile cost of `read` on 10,000 profiles divided by its cost on 1,000: about 1 when linear (up to ~3 from
 * garbage collection of the larger heap), 10 or more when quadratic.
 */
export function growthRatio(read: (text: string) => unknown, rounds = 5): number {
	const big = manyProfiles(10_000);
	const medium = manyProfiles(1_000);
	read(big);
	const perProfileBig = medianTime(() => read(big), rounds) / 10_000;
	const perProfileMedium = medianTime(() => read(medium), rounds * 3) / 1_000;
	return perProfileBig / perProfileMedium;
}
