// Mutant applies one of gremlins' mutations to a Go file, in place, as
// gremlins v0.6.0 would: the operator at a line and column replaced by the
// one its mutator names. scripts/mutation uses it to run the mutants that
// gremlins leaves out because Go's coverage does not cover their position
// (the cases of a switch, a package-level declaration).
//
// Usage:
//
//	go run ./scripts/mutant FILE LINE COLUMN TYPE
package main

import (
	"fmt"
	"os"
	"strconv"
)

// mutations are gremlins' default mutators: each operator and what it
// becomes.
var mutations = map[string]map[string]string{
	"ARITHMETIC_BASE":       {"+": "-", "-": "+", "*": "/", "/": "*", "%": "*"},
	"INVERT_NEGATIVES":      {"-": "+"},
	"CONDITIONALS_BOUNDARY": {">=": ">", ">": ">=", "<=": "<", "<": "<="},
	"CONDITIONALS_NEGATION": {"==": "!=", "!=": "==", ">=": "<", ">": "<=", "<=": ">", "<": ">="},
	"INCREMENT_DECREMENT":   {"++": "--", "--": "++"},
}

// operators are the operators to look for, longest first.
var operators = []string{">=", "<=", "==", "!=", "++", "--", "+", "-", "*", "/", "%", "<", ">"}

func main() {
	if len(os.Args) != 5 {
		fmt.Fprintln(os.Stderr, "usage: mutant FILE LINE COLUMN TYPE")
		os.Exit(2)
	}
	line, err1 := strconv.Atoi(os.Args[2])
	col, err2 := strconv.Atoi(os.Args[3])
	if err1 != nil || err2 != nil {
		fmt.Fprintln(os.Stderr, "mutant: LINE and COLUMN are numbers")
		os.Exit(2)
	}
	if err := apply(os.Args[1], line, col, os.Args[4]); err != nil {
		fmt.Fprintln(os.Stderr, "mutant:", err)
		os.Exit(1)
	}
}

func apply(name string, line, col int, typ string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	off := 0
	for l := 1; l < line && off < len(data); off++ {
		if data[off] == '\n' {
			l++
		}
	}
	off += col - 1
	for _, op := range operators {
		repl, ok := mutations[typ][op]
		if !ok || off+len(op) > len(data) || string(data[off:off+len(op)]) != op {
			continue
		}
		out := append(append(append([]byte{}, data[:off]...), repl...), data[off+len(op):]...)
		return os.WriteFile(name, out, 0o644)
	}
	return fmt.Errorf("%s:%d:%d: no operator that %s mutates", name, line, col, typ)
}
