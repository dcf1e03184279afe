#!/bin/bash
# The official rabbitmq image's start-up contract, for Debian's RabbitMQ: RABBITMQ_DEFAULT_USER / _PASS / _VHOST
# become the default user and vhost created on first start; AMQP on 5672 and management on 15672 on every address.
set -Eeuo pipefail
[ "${1:-}" = rabbitmq-server ] || exec "$@"

conf=/etc/rabbitmq/rabbitmq.conf
{
  echo "listeners.tcp.default = 5672"
  echo "management.tcp.port = 15672"
  echo "loopback_users.guest = false"
  [ -z "${RABBITMQ_DEFAULT_USER:-}" ] || echo "default_user = $RABBITMQ_DEFAULT_USER"
  [ -z "${RABBITMQ_DEFAULT_PASS:-}" ] || echo "default_pass = $RABBITMQ_DEFAULT_PASS"
  [ -z "${RABBITMQ_DEFAULT_VHOST:-}" ] || echo "default_vhost = $RABBITMQ_DEFAULT_VHOST"
} > "$conf"
chown rabbitmq:rabbitmq "$conf"
chmod 600 "$conf"
chown -R rabbitmq:rabbitmq /var/lib/rabbitmq
# The server script itself, not Debian's /usr/sbin wrapper, so it runs as PID 1's child under setpriv and stops on SIGTERM.
exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups /usr/lib/rabbitmq/bin/rabbitmq-server
