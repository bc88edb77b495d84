#!/usr/bin/env bash
# The EAR on a full Payara Server (API-1/API-2 remote EJB need it: Payara Micro has no ORB and takes no EAR).
#
#   server-config/src/main/payara-server/etax-server.sh setup     install + create + start + configure + deploy
#   server-config/src/main/payara-server/etax-server.sh install   Payara Server 6 from Maven Central into server-config/target
#   ... create | start | configure | deploy [ear] | stop | delete | status
#
# Every listener is bound to 127.0.0.1 before the domain first starts; the ports are the first free block of a port
# base (ETAX_PORTBASE + 9/37/38/39/48/49/59/66/76/80/81/86). Settings from the environment:
#   PAYARA_HOME                   an unpacked Payara Server (default: server-config/target/payara6, see install)
#   ETAX_DOMAIN / ETAX_DOMAIN_DIR domain name (etax) and directory (default: $PAYARA_HOME/glassfish/domains)
#   ETAX_PORTBASE                 port base (default: the first free one from 28000 in steps of 100)
#   IDENTITY_DB_HOST/PORT/NAME/USER/PASSWORD   the PostgreSQL database (as post-boot-postgresql.asadmin)
#   ETAX_SYSTEM_PROPERTIES        MicroProfile Config values as system properties, asadmin syntax a=b:c=d
#                                 (e.g. identity.home-province=36); secrets such as IDENTITY_DATA_KEY and
#                                 IDENTITY_SYNC_TOKEN are read from the environment of "start" instead
#   ETAX_INTEGRATOR_USER / ETAX_INTEGRATOR_PASSWORD   a user of the file realm in group "integrators" (role INTEGRATOR)
#   ETAX_TIMEOUT                  seconds any one asadmin command may take (default 240)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../../.." && pwd)"
PAYARA_HOME="${PAYARA_HOME:-$ROOT/server-config/target/payara6}"
DOMAIN="${ETAX_DOMAIN:-etax}"
DOMAIN_DIR="${ETAX_DOMAIN_DIR:-$PAYARA_HOME/glassfish/domains}"
TIMEOUT="${ETAX_TIMEOUT:-240}"
ASADMIN="$PAYARA_HOME/bin/asadmin"
DOMAIN_XML="$DOMAIN_DIR/$DOMAIN/config/domain.xml"
# offsets from the port base that create-domain uses (debugger, IIOP x3, admin, Hazelcast DAS/start, OSGi shell,
# JMS, HTTP, HTTPS, JMX)
OFFSETS=(9 37 38 39 48 49 59 66 76 80 81 86)

SECRETS_FILE=
trap '[[ -z $SECRETS_FILE ]] || rm -f "$SECRETS_FILE"' EXIT

log() { printf 'etax-server: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_portbase() {
    local base p busy
    for ((base = 28000; base <= 60000; base += 100)); do
        busy=
        for p in "${OFFSETS[@]}"; do
            if port_in_use $((base + p)); then busy=1; break; fi
        done
        [[ -z $busy ]] && { echo "$base"; return; }
    done
    die "no free port base between 28000 and 60000"
}

admin_port() {
    [[ -f $DOMAIN_XML ]] || die "no domain $DOMAIN in $DOMAIN_DIR (run: $0 create)"
    sed -n 's/.*<network-listener [^>]*port="\([0-9]*\)"[^>]*name="admin-listener".*/\1/p' "$DOMAIN_XML" | head -1
}

listener_port() { # the port of a named listener in the server's configuration (the first match is server-config)
    sed -n "s/.*<$1 [^>]*port=\"\\([0-9]*\\)\"[^>]*$2=\"$3\".*/\\1/p" "$DOMAIN_XML" | head -1
}

# asadmin commands from stdin, one per line, in one JVM ("multimode"); fails when any of them failed
batch() {
    local commands out status=0
    commands=$(mktemp)
    cat > "$commands"
    out=$(asadmin_remote "$@" multimode --file "$commands" 2>&1) || status=$?
    rm -f "$commands"
    printf '%s\n' "$out" >&2
    if ((status != 0)) || grep -q "^Command .* failed" <<< "$out"; then
        die "an asadmin command failed (above)"
    fi
}

asadmin_remote() {
    timeout "$TIMEOUT" "$ASADMIN" --interactive=false --host 127.0.0.1 --port "$(admin_port)" "$@"
}

install() {
    if [[ -x $ASADMIN ]]; then
        log "Payara Server at $PAYARA_HOME"
        return
    fi
    [[ $PAYARA_HOME == "$ROOT/server-config/target/payara6" ]] || die "PAYARA_HOME=$PAYARA_HOME has no bin/asadmin"
    log "unpacking Payara Server from Maven Central into server-config/target"
    (cd "$ROOT" && ./mvnw -q -B -pl server-config -Ppayara-server generate-resources)
    [[ -x $ASADMIN ]] || die "Maven did not unpack Payara Server into $PAYARA_HOME"
}

create() {
    [[ -f $DOMAIN_XML ]] && die "domain $DOMAIN exists in $DOMAIN_DIR (run: $0 delete)"
    local base="${ETAX_PORTBASE:-$(free_portbase)}"
    mkdir -p "$DOMAIN_DIR"
    log "creating domain $DOMAIN in $DOMAIN_DIR with port base $base"
    timeout "$TIMEOUT" "$ASADMIN" --interactive=false create-domain --domaindir "$DOMAIN_DIR" --nopassword \
        --portbase "$base" --checkports=true "$DOMAIN" >&2
    # loopback only from the first start on: HTTP, HTTPS, admin, IIOP, JMX, the data grid; no JMS broker; the session
    # cookie SameSite=Lax as pre-boot.asadmin sets it on Payara Micro (changing the protocol of a running
    # http-listener-1 with "asadmin set" left it closed until a restart here)
    sed -i -e 's/address="0\.0\.0\.0"/address="127.0.0.1"/g' \
        -e 's/<network-listener port=/<network-listener address="127.0.0.1" port=/g' \
        -e 's/<hazelcast-runtime-configuration /<hazelcast-runtime-configuration das-bind-address="127.0.0.1" interface="127.0.0.1" /' \
        -e '/<config name="server-config"/a <jms-service type="DISABLED" default-jms-host="default_JMS_host"><jms-host name="default_JMS_host" host="127.0.0.1" port="${JMS_PROVIDER_PORT}" lazy-init="true"></jms-host></jms-service>' \
        -e '/<protocol name="http-listener-1">/{n;s/<http /<http cookie-same-site-value="Lax" cookie-same-site-enabled="true" /}' \
        -e '0,/<jvm-options>/s//<jvm-options>-Dhazelcast.socket.bind.any=false<\/jvm-options><jvm-options>/' \
        "$DOMAIN_XML"
    # the PostgreSQL driver for the pool (what "asadmin add-library" does on a running server)
    cp "$(postgresql_jar)" "$DOMAIN_DIR/$DOMAIN/lib/"
    ports
}

postgresql_jar() {
    local version jar
    version=$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' "$ROOT/pom.xml")
    jar="$HOME/.m2/repository/org/postgresql/postgresql/$version/postgresql-$version.jar"
    if [[ ! -f $jar ]]; then
        (cd "$ROOT" && ./mvnw -q -B dependency:get -Dartifact="org.postgresql:postgresql:$version" -Dtransitive=false)
    fi
    echo "$jar"
}

ports() {
    printf 'admin=%s http=%s https=%s iiop=%s\n' "$(admin_port)" \
        "$(listener_port network-listener name http-listener-1)" \
        "$(listener_port network-listener name http-listener-2)" \
        "$(listener_port iiop-listener id orb-listener-1)"
}

start() {
    log "starting domain $DOMAIN"
    timeout "$TIMEOUT" "$ASADMIN" --interactive=false start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >&2
}

configure() {
    : "${IDENTITY_DB_HOST:?}" "${IDENTITY_DB_PORT:?}" "${IDENTITY_DB_NAME:?}" "${IDENTITY_DB_USER:?}"
    : "${IDENTITY_DB_PASSWORD:?}" "${ETAX_INTEGRATOR_USER:?}" "${ETAX_INTEGRATOR_PASSWORD:?}"
    local secrets
    secrets=$(mktemp)
    SECRETS_FILE=$secrets
    chmod 600 "$secrets"
    printf 'AS_ADMIN_ALIASPASSWORD=%s\nAS_ADMIN_USERPASSWORD=%s\n' "$IDENTITY_DB_PASSWORD" \
        "$ETAX_INTEGRATOR_PASSWORD" > "$secrets"
    log "JDBC pool etaxIdentityPool -> $IDENTITY_DB_HOST:$IDENTITY_DB_PORT/$IDENTITY_DB_NAME, resource jdbc/etaxIdentity"
    log "integrator $ETAX_INTEGRATOR_USER in the file realm, group integrators (role INTEGRATOR)"
    [[ -z ${ETAX_SYSTEM_PROPERTIES:-} ]] ||
        log "system properties: $(tr ':' '\n' <<< "$ETAX_SYSTEM_PROPERTIES" | cut -d= -f1 | paste -sd, -)"
    # one asadmin JVM for all of it (each costs seconds on a busy machine); the database password stays out of
    # domain.xml as a password alias; secrets come from the password file, never from the command lines
    {
        echo "create-password-alias etax-db-password"
        echo "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource" \
            "--restype=javax.sql.DataSource --steadypoolsize=8 --maxpoolsize=48 --isconnectvalidatereq=true" \
            "--validateatmostonceperiod=60 --failconnection=true --validationmethod=custom-validation" \
            "--validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation" \
            "--property serverName=$IDENTITY_DB_HOST:portNumber=$IDENTITY_DB_PORT:databaseName=$IDENTITY_DB_NAME:user=$IDENTITY_DB_USER:password=\${ALIAS=etax-db-password}" \
            "etaxIdentityPool"
        echo "create-jdbc-resource --connectionpoolid=etaxIdentityPool jdbc/etaxIdentity"
        echo "ping-connection-pool etaxIdentityPool"
        [[ -z ${ETAX_SYSTEM_PROPERTIES:-} ]] || echo "create-system-properties $ETAX_SYSTEM_PROPERTIES"
        echo "create-file-user --authrealmname file --groups integrators $ETAX_INTEGRATOR_USER"
    } | batch --passwordfile "$secrets"
}

deploy() {
    local ear="${1:-$ROOT/ear/target/etax-identity.ear}"
    [[ -f $ear ]] || die "no EAR at $ear (build it: ./mvnw -DskipTests package)"
    log "deploying $ear"
    asadmin_remote deploy --force=true --name etax-identity "$ear" >&2
}

running() {
    timeout 60 "$ASADMIN" --interactive=false list-domains --domaindir "$DOMAIN_DIR" 2>/dev/null \
        | grep -q "^$DOMAIN running"
}

stop() {
    [[ -f $DOMAIN_XML ]] || { log "no domain $DOMAIN in $DOMAIN_DIR"; return; }
    if ! running; then
        log "domain $DOMAIN is not running"
        return
    fi
    log "stopping domain $DOMAIN"
    if ! timeout 90 "$ASADMIN" --interactive=false stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >&2; then
        log "stop-domain failed or hung; killing the domain's process"
        timeout 60 "$ASADMIN" --interactive=false stop-domain --kill=true --domaindir "$DOMAIN_DIR" "$DOMAIN" >&2
    fi
}

delete() {
    stop
    timeout "$TIMEOUT" "$ASADMIN" --interactive=false delete-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >&2
}

status() {
    timeout 30 "$ASADMIN" --interactive=false list-domains --domaindir "$DOMAIN_DIR" >&2
    ports
}

case "${1:-}" in
    install) install ;;
    create) install; create ;;
    start) start ;;
    configure) configure ;;
    deploy) deploy "${2:-}" ;;
    setup) install; create; start; configure; deploy "${2:-}"; ports ;;
    stop) stop ;;
    delete) delete ;;
    status) status ;;
    ports) ports ;;
    *) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
