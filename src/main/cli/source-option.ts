import { Option } from 'commander'
import { SOURCE_KINDS } from '../../shared/registry'

/** `--source <kind>`: one registered source kind (commander refuses any other, listing the choices). */
export function sourceOption(description: string): Option {
  return new Option('--source <kind>', description).choices(SOURCE_KINDS)
}
