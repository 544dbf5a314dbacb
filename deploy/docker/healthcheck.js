// The image's HEALTHCHECK: exit 0 when the service reports ready. The HTTP services
// (ingester, api) answer on PORT; the stages on HEALTH_PORT (set to 8080 in the image).
const app = process.env.NEWSWIRE_APP;
const httpDefaults = { ingester: 3000, api: 3100 };
const port = app in httpDefaults ? process.env.PORT || httpDefaults[app] : process.env.HEALTH_PORT;
if (!port || port === '0') {
  console.error('healthcheck: HEALTH_PORT is 0, the stage serves no health endpoint');
  process.exit(1);
}
fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(4000) }).then(
  (res) => process.exit(res.ok ? 0 : 1),
  (err) => {
    console.error(`healthcheck: ${err.message}`);
    process.exit(1);
  },
);
