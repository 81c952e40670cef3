'use strict';
/**
 * Loaded first in every conformance child: any connection to a host other than loopback fails at once, so an engine
 * that tries real AWS (or instance metadata) shows up as an error instead of reaching the network.
 */
const net = require('node:net');
const dns = require('node:dns');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function hostOf(args) {
	let first = args[0];
	if (Array.isArray(first)) first = first[0];
	if (first && typeof first === 'object') return first.path !== undefined ? undefined : first.host ?? 'localhost';
	return typeof args[1] === 'string' ? args[1] : 'localhost';
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
	const host = hostOf(args);
	if (host !== undefined && !LOOPBACK.has(host)) {
		const error = Object.assign(new Error(`conformance child: blocked connection to ${host}`), {code: 'ECONNREFUSED'});
		process.nextTick(() => this.destroy(error));
		return this;
	}
	return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, ...rest) {
	const callback = rest[rest.length - 1];
	if (!LOOPBACK.has(hostname)) {
		process.nextTick(() => callback(Object.assign(new Error(`conformance child: blocked lookup of ${hostname}`), {code: 'ENOTFOUND'})));
		return {};
	}
	return lookup.call(this, hostname, ...rest);
};

process.on('unhandledRejection', () => {});
