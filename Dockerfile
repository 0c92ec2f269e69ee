# syntax=docker/dockerfile:1
# Build stage: install production dependencies only (no install scripts are needed).
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

# Runtime stage: Node 24 runs the TypeScript sources directly (type stripping), as non-root.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    METRICS_HOST=0.0.0.0 \
    REDIS_EMBEDDED=never
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY src ./src
COPY workers ./workers
COPY templates ./templates
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:9464/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM reaches node directly (exec form); the service drains within 8 s.
# A small young generation keeps RSS flat while large messages stream through (see README).
CMD ["node", "--max-semi-space-size=4", "workers/all.ts"]
