# Local stand-in for mcr.microsoft.com/dotnet/aspire-dashboard: the Aspire.Dashboard.Sdk.linux-x64 package's
# self-contained dashboard (context: dashboard/ = the package's tools/ folder, Aspire.Dashboard made executable).
ARG BASE
FROM ${BASE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends libicu72 libssl3 libstdc++6 zlib1g \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 1654 --user-group --no-create-home app
COPY dashboard/ /app/
ENV ASPNETCORE_URLS=http://+:18888 \
    ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://+:18889 \
    ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://+:18890 \
    DOTNET_RUNNING_IN_CONTAINER=true
WORKDIR /app
USER 1654
EXPOSE 18888 18889 18890
ENTRYPOINT ["/app/Aspire.Dashboard"]
