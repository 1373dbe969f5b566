# courtwatch: one image for every service. The command picks the role (see docker-compose.yml):
#   migrate | scheduler | worker | serve | start | crawl --once | ...
# The app runs from TypeScript source through tsx (a runtime dependency), so there is no build step.
FROM node:20-bookworm-slim

# Debian's Chromium is used by playwright-core for sources with `render: browser`. tini reaps the
# browser's child processes when it runs as PID 1. The fonts let pages lay out without missing glyphs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation fonts-noto-core ca-certificates tini \
 && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production \
    CHROMIUM_PATH=/usr/bin/chromium \
    PORT=3000

WORKDIR /app

# Dependencies first, so a code change does not reinstall them. Runtime code imports only
# "dependencies", never devDependencies (tests, lint and types stay out of the image).
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY --chown=node:node . .

USER node
EXPOSE 3000
ENTRYPOINT ["/usr/bin/tini", "--", "node", "bin/courtwatch.js"]
CMD ["start"]
