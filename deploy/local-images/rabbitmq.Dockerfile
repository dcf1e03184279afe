# Local stand-in for rabbitmq:3-management: Debian's RabbitMQ with the management plugin and the official env contract.
ARG BASE
FROM ${BASE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends rabbitmq-server \
 && rm -rf /var/lib/apt/lists/* \
 && rabbitmq-plugins enable --offline rabbitmq_management \
 && rm -rf /var/lib/rabbitmq/mnesia
# HOME holds the Erlang cookie, so the CLI tools (the health check) and the server share it.
ENV HOME=/var/lib/rabbitmq \
    RABBITMQ_LOGS=- \
    LANG=C.UTF-8
COPY rabbitmq-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
VOLUME /var/lib/rabbitmq
ENTRYPOINT ["docker-entrypoint.sh"]
EXPOSE 5672 15672
CMD ["rabbitmq-server"]
