# One image for every clv service; docker-compose.yml picks the services with --services.
FROM swift:6.3-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq-dev libprotobuf-c-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --static-swift-stdlib \
 && mkdir /out \
 && cp "$(swift build -c release --show-bin-path)/clv-server" "$(swift build -c release --show-bin-path)/clv" /out/

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 libprotobuf-c1 ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin clv
COPY --from=build /out/clv-server /out/clv /usr/local/bin/
USER clv
EXPOSE 7400
# Health/Check needs no token; `clv health` exits non-zero unless the server is SERVING.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["clv", "health", "--server", "127.0.0.1:7400", "--timeout", "2"]
ENTRYPOINT ["clv-server", "--listen", "0.0.0.0:7400"]
