import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent, errors, request } from 'undici';
import { checkAddress, conditionalHeaders, followRedirect, hostOf, isIpLiteral, PollFailure, REDIRECT_STATUSES, retryAfterSeconds, sameOrigin, type Validators, validatorsOf } from '@newswire/feed-poll';
import type { PollTarget } from '@newswire/sources';

export type FetchResult = { status: 'not_modified' } | { status: 'ok'; body: Buffer; contentType: string | undefined; validators: Validators; url: string };

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/ninjs+json, application/vnd.iptc.g2.newsitem+xml, application/vnd.iptc.g2.newsmessage+xml, application/xml;q=0.9, application/json;q=0.9, text/xml;q=0.8, */*;q=0.1';

/**
 * A DNS lookup that resolves every address of a name, checks each against
 * the source's address policy, and hands the connection only those checked
 * addresses: the socket connects to what was checked, so a name that
 * answers differently the second time (DNS rebinding) cannot slip through.
 * A name with any refused address is refused whole.
 */
function checkedLookup(allowInternal: PollTarget['poll']['allowInternal'], refused: (reason: string) => void): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family, hints: options.hints }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const bad = addresses.map((a) => checkAddress(a.address, allowInternal)).find((v) => !v.allowed);
      if (bad && !bad.allowed) {
        const reason = `${hostname} resolves to ${bad.reason.replace(/^(\S+) is/, '$1, which is')}`;
        refused(reason);
        return callback(Object.assign(new Error(reason), { code: 'EADDRNOTAVAIL' }), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * Fetches one feed with undici: a fresh Agent per poll (its connections
 * checked by `checkedLookup`, its bodies capped by `maxResponseSize`),
 * redirects followed by hand so every hop is checked, one deadline over the
 * whole poll, and the conditional headers of the last full response.
 * Failures are `PollFailure`s with a stable code.
 */
export class FeedFetcher {
  constructor(private readonly userAgent: string) {}

  async fetch(target: PollTarget, validators: Validators | undefined, stop: AbortSignal): Promise<FetchResult> {
    const { poll } = target;
    let refusal: string | undefined;
    const agent = new Agent({
      connect: { lookup: checkedLookup(poll.allowInternal, (reason) => (refusal = reason)), timeout: poll.timeoutMs },
      maxResponseSize: poll.maxBytes,
      headersTimeout: poll.timeoutMs,
      bodyTimeout: poll.timeoutMs,
    });
    const deadline = AbortSignal.timeout(poll.timeoutMs);
    const signal = AbortSignal.any([deadline, stop]);
    const origin = new URL(poll.url);
    try {
      let url = origin;
      for (let hops = 0; ; hops++) {
        // An IP literal never reaches the lookup: it is checked here.
        const host = hostOf(url);
        if (isIpLiteral(host)) {
          const verdict = checkAddress(host, poll.allowInternal);
          if (!verdict.allowed) throw new PollFailure('address_refused', `${hops ? 'a redirect to ' : ''}${verdict.reason}`);
        }
        const res = await request(url, {
          dispatcher: agent,
          method: 'GET',
          signal,
          headers: {
            'user-agent': this.userAgent,
            accept: ACCEPT,
            ...conditionalHeaders(validators),
            // The credential goes only to the origin the registry names, never where a redirect points elsewhere.
            ...(target.credential && sameOrigin(origin, url) ? { [target.credential.header.toLowerCase()]: target.credential.value } : {}),
          },
        });
        const header = (name: string) => {
          const v = res.headers[name];
          return Array.isArray(v) ? v[0] : v;
        };
        if (REDIRECT_STATUSES.has(res.statusCode)) {
          await res.body.dump();
          const next = followRedirect(url, header('location'), hops, poll.maxRedirects);
          if ('refuse' in next) throw new PollFailure(next.refuse, next.reason);
          url = next.follow;
          continue;
        }
        if (res.statusCode === 304) {
          await res.body.dump();
          return { status: 'not_modified' };
        }
        if (res.statusCode !== 200) {
          await res.body.dump().catch(() => undefined);
          throw new PollFailure('http_error', `the feed answered ${res.statusCode}`, retryAfterSeconds(header('retry-after')));
        }
        const declared = Number(header('content-length'));
        if (Number.isFinite(declared) && declared > poll.maxBytes) {
          res.body.destroy();
          throw new PollFailure('too_large', `the feed declares ${declared} bytes; the limit is ${poll.maxBytes}`);
        }
        const body = Buffer.from(await res.body.arrayBuffer());
        return { status: 'ok', body, contentType: header('content-type'), validators: validatorsOf(res.headers), url: url.toString() };
      }
    } catch (err) {
      throw this.failureOf(err, { refusal, timedOut: deadline.aborted, stopped: stop.aborted, poll });
    } finally {
      void agent.destroy().catch(() => undefined);
    }
  }

  private failureOf(err: unknown, at: { refusal?: string; timedOut: boolean; stopped: boolean; poll: PollTarget['poll'] }): PollFailure {
    if (err instanceof PollFailure) return err;
    if (at.refusal) return new PollFailure('address_refused', at.refusal);
    if (err instanceof errors.ResponseExceededMaxSizeError) return new PollFailure('too_large', `the body passed the limit of ${at.poll.maxBytes} bytes`);
    if (at.timedOut || err instanceof errors.HeadersTimeoutError || err instanceof errors.BodyTimeoutError || err instanceof errors.ConnectTimeoutError) {
      return new PollFailure('timeout', `the poll did not finish within ${at.poll.timeoutMs} ms`);
    }
    if (at.stopped) return new PollFailure('network_error', 'the poll was stopped (shutdown, or the lease was lost)');
    const e = err as { code?: string; message?: string };
    return new PollFailure('network_error', `${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}`);
  }
}
