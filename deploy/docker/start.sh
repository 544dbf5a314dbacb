#!/bin/sh
# The image's command: the service with its heap budget (deploy/node-heap.json) unless NODE_OPTIONS sizes
# the heap. Without one V8 sizes it by the node's memory, not the container's share of it. exec keeps node
# as the process that receives SIGTERM.
case "${NODE_OPTIONS:-}" in
  *--max-old-space-size*) exec node main.js ;;
  *) exec node $(node /usr/local/lib/newswire/node-heap.js "$NEWSWIRE_APP") main.js ;;
esac
