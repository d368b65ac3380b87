package valuecache

import "math/bits"

// hash returns a hash of s seeded with seed, for choosing a slot. Keys are
// short (a tag, a header), and a hash is computed on every Get: as wyhash
// does, this one reads sixteen bytes at a time and mixes them with one
// 64×64→128-bit multiply, which costs a fraction of hash/maphash's set-up
// for such keys. Its quality decides only how often two keys share a
// slot: which key a slot holds is always compared.
func hash(seed uint64, s string) uint64 {
	h := seed ^ uint64(len(s))*k0
	for len(s) > 16 {
		h = mix(le64(s)^seed^k1, le64(s[8:])^h)
		s = s[16:]
	}
	// The last 0 to 16 bytes; overlapping reads cover them all.
	var a, b uint64
	switch {
	case len(s) > 8:
		a, b = le64(s), le64(s[len(s)-8:])
	case len(s) >= 4:
		a, b = le32(s), le32(s[len(s)-4:])
	case len(s) > 0:
		a = uint64(s[0])<<16 | uint64(s[len(s)>>1])<<8 | uint64(s[len(s)-1])
	}
	return mix(a^seed^k1, b^h^k2)
}

// The odd constants of wyhash.
const (
	k0 = 0xa0761d6478bd642f
	k1 = 0xe7037ed1a0b428db
	k2 = 0x8ebc6af09c88c6e3
)

// mix folds the 128-bit product of a and b to 64 bits.
func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func le32(s string) uint64 {
	_ = s[3]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}
