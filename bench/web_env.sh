# bench/web_env.sh: the bench web and its names, sourced by bench/run and bench/profile inside
# their private network namespace. Uses $build (fixture-web), $out, $world (a generated world),
# $port, $dns (server or hosts) and, if set, $fw_flags (more fixture-web flags); sets fw_pid
# and dns_pid.
fw_pid=""
[[ -v fw_flags ]] || fw_flags=()
dns_pid=""

start_web() {
  rm -f "$out/fw.port"  # a port file left by the last web must not pass for this one
  "$build/fixture-web" "$world/scenario.json" --port $port "${fw_flags[@]}" >"$out/fw.port" &
  fw_pid=$!
  for _ in $(seq 100); do [[ -s "$out/fw.port" ]] && return; sleep 0.1; done
  echo "bench: fixture-web did not start" >&2; exit 1
}
stop_web() { kill "$fw_pid" 2>/dev/null || true; wait "$fw_pid" 2>/dev/null || true; fw_pid=""; }

# Names for the world: a loopback DNS server answering from its hosts file, or that file as
# /etc/hosts. LinkChecker drops to nobody, so both files must be world-readable. The server
# is authoritative for .test (every generated host is a site newsNNNN.test), so an AAAA
# question gets "no such record" at once, as from a real IPv4-only site, not a refusal.
start_names() {
  if [[ $dns != server ]]; then mount --bind "$world/hosts" /etc/hosts; return; fi
  printf '127.0.0.1 localhost\n::1 localhost\n' >"$out/hosts.local"
  printf 'nameserver 127.0.0.1\noptions attempts:1\n' >"$out/resolv.conf"
  chmod o+r "$out/hosts.local" "$out/resolv.conf"
  mount --bind "$out/hosts.local" /etc/hosts
  mount --bind "$out/resolv.conf" /etc/resolv.conf
  dnsmasq --keep-in-foreground --no-resolv --no-hosts --addn-hosts="$world/hosts" \
    --listen-address=127.0.0.1 --bind-interfaces --user=root --group=root \
    --log-facility=/dev/null --cache-size=0 --local=/test/ &
  dns_pid=$!
  local first; first="$(awk 'END { print $2 }' "$world/hosts")"
  # (getent ahosts* asks with AI_ADDRCONFIG, which finds no address family in a namespace
  # with only loopback, so it never asks the server.)
  for _ in $(seq 100); do getent hosts "$first" >/dev/null && return; sleep 0.1; done
  echo "bench: dnsmasq did not answer" >&2; exit 1
}
stop_names() {
  if [[ -n $dns_pid ]]; then kill "$dns_pid" 2>/dev/null || true; wait "$dns_pid" 2>/dev/null || true; dns_pid=""; fi
  umount /etc/hosts
  if [[ $dns == server ]]; then umount /etc/resolv.conf; fi
}
