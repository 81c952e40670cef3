/** "3 h 5 min", "42 s": how far apart two instants are, for sentences about expiry and clock skew. */
export function durationText(ms: number): string {
	const seconds = Math.round(Math.abs(ms) / 1000);
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
	return `${Math.floor(hours / 24)} days`;
}
