//go:build !unix

package archive

const openNonBlock = 0
