#!/bin/sh
# The image's command: the service with its heap budget (deploy/node-heap.json) unless NODE_OPTIONS sizes
# the heap. Without one V8 sizes it by the node's memory, not the container's share of it. The allocator
# settings beside the budget (those the container's environment does not set) go in through env: glibc
# reads them once, at start. exec keeps node as the process that receives SIGTERM.
HEAP_JS=/usr/local/lib/newswire/node-heap.js
case "${NODE_OPTIONS:-}" in
  *--max-old-space-size*) exec env $(node "$HEAP_JS" --malloc-env "$NEWSWIRE_APP") node main.js ;;
  *) exec env $(node "$HEAP_JS" --malloc-env "$NEWSWIRE_APP") node $(node "$HEAP_JS" "$NEWSWIRE_APP") main.js ;;
esac
