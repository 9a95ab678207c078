# One image for every role; the compose file picks the command (migrate, api, worker).
# Node 22 LTS. The build stage has the development dependencies (Nest CLI, Vite, embedded-postgres for
# the tests); the runtime stage installs production dependencies only, so embedded-postgres and its
# PostgreSQL binaries are not in the image: the app needs DATABASE_URL here.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/var/lib/kontaktpunkt \
    LOG_FORMAT=json
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY rules ./rules
# DATA_DIR belongs to the non-root user the processes run as (the worker's heartbeat is written there).
RUN mkdir -p /var/lib/kontaktpunkt && chown node:node /var/lib/kontaktpunkt
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
